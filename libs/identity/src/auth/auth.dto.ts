import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { UserDto } from '../users/user.dto.js';

export class LoginDto {
  @ApiProperty({ example: 'admin@example.org' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'a long passphrase' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from the last login or refresh' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ description: 'Single use: each refresh returns a new one' }) refreshToken: string;
  @ApiProperty({ format: 'date-time' }) refreshTokenExpiresAt: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
}

export class LogoutDto {
  @ApiProperty({ required: false, description: 'Which session to end; by default the one of the access token' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken?: string;
}
