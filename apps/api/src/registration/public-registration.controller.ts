import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { Public, RequestId } from '#identity/index.js';
import { RegistrationDto, RegistrationIntakeService, SignUpDto } from '#registration/index.js';

@ApiTags('public')
@Controller('api/public/events/:slug')
export class PublicRegistrationController {
  constructor(private readonly intake: RegistrationIntakeService) {}

  @Post('registrations')
  @Public()
  @ApiCreatedResponse({ type: RegistrationDto, description: 'A delegate account and its registration (pending, or approved when open or invited)' })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'EMAIL_TAKEN, REGISTRATION_CLOSED' })
  @ApiForbiddenResponse({ type: ErrorEnvelope, description: 'REGISTRATION_BY_INVITATION, INVALID_INVITATION, INVITATION_EMAIL_MISMATCH' })
  signUp(@Param('slug') slug: string, @Body() dto: SignUpDto, @RequestId() requestId: string): Promise<RegistrationDto> {
    return this.intake.signUp(slug, dto, requestId);
  }
}
