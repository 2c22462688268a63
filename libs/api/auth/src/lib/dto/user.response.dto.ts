import { UserRole } from '@cadence/api-core';
import { ApiProperty } from '@nestjs/swagger';
import { User } from '../schemas/user.schema';

export class UserResponseDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: UserRole, enumName: 'UserRole' })
  role!: UserRole;

  @ApiProperty({ type: String, nullable: true })
  teamId!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  static from(user: User): UserResponseDto {
    return { id: user._id.toHexString(), email: user.email, name: user.name, role: user.role, teamId: user.teamId ?? null, createdAt: user.createdAt.toISOString() };
  }
}

export class AuthTokensResponseDto {
  @ApiProperty({ description: 'Short-lived JWT for `Authorization: Bearer`' })
  accessToken!: string;

  @ApiProperty({ description: 'Single-use token for POST /v1/auth/refresh' })
  refreshToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: string;

  @ApiProperty({ description: 'Seconds until the access token expires' })
  expiresIn!: number;

  @ApiProperty({ type: UserResponseDto })
  user!: UserResponseDto;
}
