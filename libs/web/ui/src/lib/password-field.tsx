import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { forwardRef, useId } from 'react';

/**
 * Mantine's PasswordInput does not mark its input invalid nor point it at the error text, so a screen
 * reader would not hear the error. This adds both.
 */
export const PasswordField = forwardRef<HTMLInputElement, PasswordInputProps>(function PasswordField(
  { id, error, description, ...props },
  ref,
) {
  const generatedId = useId();
  const inputId = id ?? `password-${generatedId.replace(/:/g, '')}`;
  const describedBy = [error ? `${inputId}-error` : null, description ? `${inputId}-description` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <PasswordInput
      ref={ref}
      id={inputId}
      error={error}
      description={description}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy || undefined}
      {...props}
    />
  );
});
