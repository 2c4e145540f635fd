import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditQueryDto, type AuditEntryDto, AuditPageDto } from '#core/audit/audit.dto.js';
import { AuditService } from '#core/audit/audit.service.js';
import type { Page } from '#core/http/pagination.js';
import { Role, Roles } from '#identity/index.js';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    return this.audit.list(query);
  }
}
