import { useLogin } from '@cadence/web-api-client';
import { ErrorAlert, PasswordField } from '@cadence/web-ui';
import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { focusFirstError, type FieldErrors, hasErrors, isEmail, problemOf } from '../forms/form-errors';
import { AuthCard } from './auth-card';
import { returnPath } from './route-guards';
import { useStartSession } from './session';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

function validate(values: Record<Field, string>): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  if (!values.email.trim()) errors.email = 'Enter your email address.';
  else if (!isEmail(values.email)) errors.email = 'Enter a valid email address, like jane@brokerage.com.';
  if (!values.password) errors.password = 'Enter your password.';
  return errors;
}

export function LoginPage() {
  useDocumentTitle('Sign in · Cadence');
  const navigate = useNavigate();
  const location = useLocation();
  const startSession = useStartSession();
  const login = useLogin();

  const [values, setValues] = useState<Record<Field, string>>({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const refs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const formError = login.error ? problemOf(login.error, FIELDS).formError : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    if (hasErrors(found)) {
      focusFirstError(found, FIELDS, refs);
      return;
    }
    login.mutate(
      { data: { email: values.email.trim(), password: values.password } },
      {
        onSuccess: (tokens) => {
          startSession(tokens);
          navigate(returnPath(location.state), { replace: true });
        },
        onError: (error) => {
          const { fieldErrors } = problemOf(error, FIELDS);
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
      title="Sign in"
      subtitle={
        <>
          New to Cadence?{' '}
          <Anchor component={Link} to="/register" state={location.state}>
            Create an account
          </Anchor>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate aria-label="Sign in">
        <Stack>
          {formError ? (
            <ErrorAlert title="Could not sign you in" message={formError.message} code={formError.code} />
          ) : null}
          <TextInput
            ref={refs.email}
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={values.email}
            onChange={set('email')}
            error={errors.email}
          />
          <PasswordField
            ref={refs.password}
            label="Password"
            autoComplete="current-password"
            required
            value={values.password}
            onChange={set('password')}
            error={errors.password}
          />
          <Button type="submit" loading={login.isPending} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
