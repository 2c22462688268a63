

export function WebApiClient() {
  return (
    <div>
      <h1>Welcome to WebApiClient!</h1>
    </div>
  );
}

export default WebApiClient;



