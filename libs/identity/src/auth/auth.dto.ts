import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
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

  @ApiProperty({
    required: false,
    enum: ['body', 'cookie'],
    default: 'body',
    description:
      'Where the refresh token goes: in the answer (API clients), or in an HttpOnly cookie sco_refresh with a readable ' +
      'anti-CSRF cookie sco_csrf (browsers; refresh and logout then send its value in X-CSRF-Token)',
  })
  @IsOptional()
  @IsIn(['body', 'cookie'])
  refreshIn?: 'body' | 'cookie';
}

export class RefreshDto {
  @ApiProperty({ required: false, description: 'The refresh token from the last login or refresh; without it, the sco_refresh cookie is used' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken?: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ required: false, description: 'Single use: each refresh returns a new one. Absent when it travels in the sco_refresh cookie' })
  refreshToken?: string;
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
