import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { PasswordField } from './password-field';

function describedText(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

describe('PasswordField', () => {
  it('tells assistive technology that the password is invalid and why', () => {
    render(
      <MantineProvider env="test">
        <PasswordField label="Password" description="At least 10 characters." error="Use at least 10 characters." />
      </MantineProvider>,
    );

    const input = screen.getByLabelText('Password');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(input)).toBe('Use at least 10 characters. | At least 10 characters.');
  });

  it('is not marked invalid without an error', () => {
    render(
      <MantineProvider env="test">
        <PasswordField label="Password" />
      </MantineProvider>,
    );

    const input = screen.getByLabelText('Password');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBeNull();
  });
});
