import { BadRequestException, NotFoundException as NestNotFound } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { IsEmail, IsString, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { NotFoundException } from './core.exception';
import { validationExceptionFactory } from './validation-exception.factory';

class Body {
  @IsEmail()
  email!: string;

  @IsString()
  name!: string;
}

describe('the one error shape', () => {
  const filter = new AllExceptionsFilter();

  it('keeps a domain exception’s code', () => {
    expect(filter.toBody(new NotFoundException('Campaign'))).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Campaign not found' });
  });

  it('maps framework exceptions onto stable codes', () => {
    expect(filter.toBody(new NestNotFound('Cannot GET /x'))).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
    expect(filter.toBody(new ThrottlerException())).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(filter.toBody(new BadRequestException('bad'))).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('never leaks an unexpected error’s message', () => {
    expect(filter.toBody(new Error('connection string mongodb://secret@host'))).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side',
    });
  });

  it('names each invalid field, and tells unknown fields apart', () => {
    const invalid = validationExceptionFactory(validateSync(plainToInstance(Body, { email: 'nope', name: 3 })));
    expect(filter.toBody(invalid)).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'email', messages: ['email must be an email'] },
        { field: 'name', messages: ['name must be a string'] },
      ],
    });
    const unknown = validationExceptionFactory(
      validateSync(plainToInstance(Body, { email: 'a@b.co', name: 'A', role: 'admin' }), { whitelist: true, forbidNonWhitelisted: true }),
    );
    expect(filter.toBody(unknown)).toMatchObject({ code: 'UNKNOWN_FIELD', message: 'Unknown field(s): role' });
  });
});
