import { ErrorAlert } from '@cadence/web-ui';
import { Button, Center, Stack } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Shown when a page crashes while rendering, instead of a blank screen. */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <Center mih="100dvh" p="md" component="main">
      <Stack maw={520} w="100%">
        <ErrorAlert title="Something went wrong on this page" message={message} code="CLIENT_ERROR" />
        <Button onClick={() => window.location.reload()} variant="light">
          Reload the page
        </Button>
      </Stack>
    </Center>
  );
}
