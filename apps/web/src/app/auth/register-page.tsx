import { useRegister } from '@cadence/web-api-client';
import { ErrorAlert, PasswordField } from '@cadence/web-ui';
import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { focusFirstError, type FieldErrors, hasErrors, isEmail, problemOf } from '../forms/form-errors';
import { AuthCard } from './auth-card';
import { returnPath } from './route-guards';
import { useStartSession } from './session';

const FIELDS = ['name', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export const MIN_PASSWORD_LENGTH = 10;

function validate(values: Record<Field, string>): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  if (!values.name.trim()) errors.name = 'Enter your name.';
  if (!values.email.trim()) errors.email = 'Enter your email address.';
  else if (!isEmail(values.email)) errors.email = 'Enter a valid email address, like jane@brokerage.com.';
  if (values.password.length < MIN_PASSWORD_LENGTH) {
    errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  return errors;
}

export function RegisterPage() {
  useDocumentTitle('Create your account · Cadence');
  const navigate = useNavigate();
  const location = useLocation();
  const startSession = useStartSession();
  const register = useRegister();

  const [values, setValues] = useState<Record<Field, string>>({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const refs = {
    name: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };
  const emailTaken = register.error?.code === 'EMAIL_TAKEN';
  const formError = register.error && !emailTaken ? problemOf(register.error, FIELDS).formError : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    if (hasErrors(found)) {
      focusFirstError(found, FIELDS, refs);
      return;
    }
    register.mutate(
      { data: { name: values.name.trim(), email: values.email.trim(), password: values.password } },
      {
        onSuccess: (tokens) => {
          startSession(tokens);
          navigate(returnPath(location.state), { replace: true });
        },
        onError: (error) => {
          const fieldErrors: FieldErrors<Field> =
            error.code === 'EMAIL_TAKEN' ? { email: error.message } : problemOf(error, FIELDS).fieldErrors;
          setErrors(fieldErrors);
          focusFirstError(fieldErrors, FIELDS, refs);
        },
      },
    );
  };

  const set = (field: Field) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  return (
    <AuthCard
      title="Create your account"
      subtitle={
        <>
          Already have an account?{' '}
          <Anchor component={Link} to="/login" state={location.state}>
            Sign in
          </Anchor>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate aria-label="Create your account">
        <Stack>
          {formError ? (
            <ErrorAlert title="Could not create your account" message={formError.message} code={formError.code} />
          ) : null}
          <TextInput
            ref={refs.name}
            label="Name"
            autoComplete="name"
            required
            value={values.name}
            onChange={set('name')}
            error={errors.name}
          />
          <TextInput
            ref={refs.email}
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={values.email}
            onChange={set('email')}
            error={
              errors.email && emailTaken ? (
                <>
                  {errors.email}{' '}
                  <Anchor component={Link} to="/login" size="xs">
                    Sign in instead
                  </Anchor>
                </>
              ) : (
                errors.email
              )
            }
          />
          <PasswordField
            ref={refs.password}
            label="Password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters.`}
            autoComplete="new-password"
            required
            value={values.password}
            onChange={set('password')}
            error={errors.password}
          />
          <Button type="submit" loading={register.isPending} fullWidth>
            Create account
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
