import { Body, Controller, Get, Header, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { AcceptContentTypes } from '../../../common/security/content-type.guard';
import { Access, CurrentOrg, Public } from '../../../common/security/auth.decorators';
import type { OrgContext } from '../../../common/tenancy/org-context';
import { NotificationPreferencesService } from './notification-preferences.service';

export class PreferencesDto {
  @ApiProperty({ example: false, description: 'receive per-job e-mail digests' })
  @IsBoolean()
  digests: boolean;
}

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif"><h1>${title}</h1>${body}</body></html>`;

@ApiTags('notifications')
@Controller('notifications')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get('preferences')
  @Access('self')
  @ApiOkResponse({ type: PreferencesDto })
  get(@CurrentOrg() org: OrgContext): Promise<PreferencesDto> {
    return this.preferences.get(org);
  }

  @Put('preferences')
  @Access('self')
  @ApiOkResponse({ type: PreferencesDto })
  set(@CurrentOrg() org: OrgContext, @Body() dto: PreferencesDto): Promise<PreferencesDto> {
    return this.preferences.set(org, dto.digests);
  }

  /** Mail scanners prefetch links, so GET only shows a confirm button; POST unsubscribes. */
  @Get('unsubscribe/:token')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({
    summary: 'Confirmation page for the unsubscribe link in a digest (changes nothing)',
  })
  @ApiProduces('text/html')
  confirm(): string {
    return page(
      'Unsubscribe from digests?',
      '<form method="post"><button type="submit">Unsubscribe</button></form>',
    );
  }

  @Post('unsubscribe/:token')
  @Public()
  @HttpCode(200)
  @AcceptContentTypes(
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    'application/json',
  )
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'One-click unsubscribe (RFC 8058) from e-mail digests' })
  @ApiProduces('text/html')
  @ApiNotFoundResponse({ description: 'NOTIFY.UNSUBSCRIBE_LINK_INVALID' })
  async unsubscribe(@Param('token') token: string): Promise<string> {
    await this.preferences.unsubscribe(token);
    return page(
      'Unsubscribed',
      '<p>You will no longer receive job digests. Signed-in users can turn them back on in their notification settings.</p>',
    );
  }
}
