import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { ErrorAlert } from './error-alert';

describe('ErrorAlert', () => {
  it("announces the API's message and code, and retries on request", () => {
    const onRetry = jest.fn();
    render(
      <MantineProvider env="test">
        <ErrorAlert title="Could not load your API keys" message="Database unavailable" code="SERVICE_UNAVAILABLE" onRetry={onRetry} />
      </MantineProvider>,
    );

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Could not load your API keys');
    expect(alert.textContent).toContain('Database unavailable');
    expect(alert.textContent).toContain('SERVICE_UNAVAILABLE');

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('offers no retry when there is nothing to retry', () => {
    render(
      <MantineProvider env="test">
        <ErrorAlert title="Could not create the key" message="Name is taken" />
      </MantineProvider>,
    );

    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('alert').textContent).not.toContain('Error code');
  });
});
