export function embeddedMongo(): string {
  return 'embedded-mongo';
}
