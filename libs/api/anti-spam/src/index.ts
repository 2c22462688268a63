export * from './lib/anti-spam.module';
export * from './lib/gate/send-gate';
export * from './lib/schemas/suppression.schema';
export * from './lib/usecases/suppress-address.usecase';
