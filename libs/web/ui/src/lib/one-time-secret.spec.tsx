import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { OneTimeSecret } from './one-time-secret';

describe('OneTimeSecret', () => {
  const writeText = jest.fn<Promise<void>, [string]>();

  beforeEach(() => {
    writeText.mockReset().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  });

  it('shows the secret with the warning that it will not be shown again', () => {
    render(
      <MantineProvider env="test">
        <OneTimeSecret secret="cad_live_abc123" label="API key secret" />
      </MantineProvider>,
    );

    expect(screen.getByText('cad_live_abc123')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toMatch(/only time the api key secret is shown/i);
  });

  it('copies the secret to the clipboard and confirms it', async () => {
    render(
      <MantineProvider env="test">
        <OneTimeSecret secret="cad_live_abc123" label="API key secret" />
      </MantineProvider>,
    );

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy to clipboard' }));
    });

    expect(writeText).toHaveBeenCalledWith('cad_live_abc123');
    expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy();
  });
});
