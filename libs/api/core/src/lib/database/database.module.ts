import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { InfrastructureUrls } from '../infrastructure/infrastructure-urls';

@Module({})
export class DatabaseModule {
  static forRoot(urls: InfrastructureUrls): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        MongooseModule.forRoot(urls.mongoUrl, {
          // Fail a request fast instead of hanging when the database is away; health reports it.
          serverSelectionTimeoutMS: 5000,
          // Indexes are declared on the schemas and built at boot (each names the query it serves).
          autoIndex: true,
        }),
      ],
    };
  }
}
