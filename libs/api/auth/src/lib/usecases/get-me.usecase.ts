import { NotFoundException, Principal } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { UpdateProfileRequestDto } from '../dto/register.request.dto';
import { UserResponseDto } from '../dto/user.response.dto';
import { UserRepository } from '../repositories/user.repository';

@Injectable()
export class GetMeUseCase {
  constructor(private readonly users: UserRepository) {}

  async execute(principal: Principal): Promise<UserResponseDto> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new NotFoundException('User');
    return UserResponseDto.from(user);
  }
}

@Injectable()
export class UpdateProfileUseCase {
  constructor(private readonly users: UserRepository) {}

  async execute(principal: Principal, input: UpdateProfileRequestDto): Promise<UserResponseDto> {
    const user = await this.users.updateProfile(principal.userId, { name: input.name });
    if (!user) throw new NotFoundException('User');
    return UserResponseDto.from(user);
  }
}
