import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentOrg } from '../../../common/security/auth.decorators';
import type { OrgContext } from '../../../common/tenancy/org-context';
import {
  CreateWebhookDto,
  DeliveryPage,
  DeliveryView,
  ListDeliveriesQuery,
  RotatedSecretView,
  RotateSecretDto,
  toDeliveryView,
  toWebhookView,
  UpdateWebhookDto,
  WebhookCreatedView,
  WebhookList,
  WebhookView,
} from './webhook.dto';
import { WebhooksService } from './webhooks.service';

const TARGET_REFUSED =
  'WEBHOOK.TARGET_FORBIDDEN (https only; no private, loopback or link-local targets) or WEBHOOK.TARGET_UNRESOLVABLE';

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Access('org.admin')
  @ApiOperation({
    summary: 'Register an endpoint; the response holds its signing secret, shown only once',
  })
  @ApiCreatedResponse({ type: WebhookCreatedView })
  @ApiBadRequestResponse({ description: TARGET_REFUSED })
  @ApiConflictResponse({ description: 'WEBHOOK.LIMIT_REACHED' })
  async create(
    @CurrentOrg() org: OrgContext,
    @Body() dto: CreateWebhookDto,
  ): Promise<WebhookCreatedView> {
    const { endpoint, secret } = await this.webhooks.create(org, dto);
    return { ...toWebhookView(endpoint), secret };
  }

  @Get()
  @Access('org.admin')
  @ApiOkResponse({ type: WebhookList })
  async list(@CurrentOrg() org: OrgContext): Promise<WebhookList> {
    return { items: (await this.webhooks.list(org.orgId)).map((e) => toWebhookView(e)) };
  }

  @Get('deliveries/:id')
  @Access('org.admin')
  @ApiOkResponse({ type: DeliveryView })
  @ApiNotFoundResponse({ description: 'WEBHOOK.DELIVERY_NOT_FOUND' })
  async delivery(@CurrentOrg() org: OrgContext, @Param('id') id: string): Promise<DeliveryView> {
    return toDeliveryView(await this.webhooks.getDelivery(org.orgId, id));
  }

  @Post('deliveries/:id/replay')
  @Access('org.admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivery again (same body and Webhook-Id) as a new delivery' })
  @ApiAcceptedResponse({ type: DeliveryView })
  @ApiNotFoundResponse({ description: 'WEBHOOK.DELIVERY_NOT_FOUND or WEBHOOK.NOT_FOUND' })
  @ApiConflictResponse({ description: 'WEBHOOK.DISABLED: re-enable the endpoint first' })
  @ApiGoneResponse({ description: 'WEBHOOK.DELIVERY_ERASED: it was about an erased candidate' })
  async replay(@CurrentOrg() org: OrgContext, @Param('id') id: string): Promise<DeliveryView> {
    return toDeliveryView(await this.webhooks.replay(org, id));
  }

  @Get(':id')
  @Access('org.admin')
  @ApiOkResponse({ type: WebhookView })
  @ApiNotFoundResponse({ description: 'WEBHOOK.NOT_FOUND' })
  async get(@CurrentOrg() org: OrgContext, @Param('id') id: string): Promise<WebhookView> {
    return toWebhookView(await this.webhooks.get(org.orgId, id));
  }

  @Patch(':id')
  @Access('org.admin')
  @ApiOperation({
    summary: 'Change URL, events or description; `enabled: true` re-enables a disabled endpoint',
  })
  @ApiOkResponse({ type: WebhookView })
  @ApiBadRequestResponse({ description: TARGET_REFUSED })
  @ApiNotFoundResponse({ description: 'WEBHOOK.NOT_FOUND' })
  async update(
    @CurrentOrg() org: OrgContext,
    @Param('id') id: string,
    @Body() dto: UpdateWebhookDto,
  ): Promise<WebhookView> {
    return toWebhookView(await this.webhooks.update(org, id, dto));
  }

  @Delete(':id')
  @Access('org.admin')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'deleted; its undelivered events are dead-lettered, the log is kept',
  })
  @ApiNotFoundResponse({ description: 'WEBHOOK.NOT_FOUND' })
  async remove(@CurrentOrg() org: OrgContext, @Param('id') id: string): Promise<void> {
    await this.webhooks.remove(org, id);
  }

  @Post(':id/rotate-secret')
  @Access('org.admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'New signing secret (shown once); the previous one keeps signing during the grace period',
  })
  @ApiOkResponse({ type: RotatedSecretView })
  @ApiNotFoundResponse({ description: 'WEBHOOK.NOT_FOUND' })
  async rotate(
    @CurrentOrg() org: OrgContext,
    @Param('id') id: string,
    @Body() dto: RotateSecretDto,
  ): Promise<RotatedSecretView> {
    const r = await this.webhooks.rotateSecret(org, id, dto.graceSeconds);
    return {
      id: r.id,
      secret: r.secret,
      previousSecretExpiresAt: r.previousSecretExpiresAt?.toISOString() ?? null,
    };
  }

  @Get(':id/deliveries')
  @Access('org.admin')
  @ApiOperation({
    summary: 'Delivery log, newest first: every attempt with status code, latency and error',
  })
  @ApiOkResponse({ type: DeliveryPage })
  @ApiNotFoundResponse({ description: 'WEBHOOK.NOT_FOUND' })
  async deliveries(
    @CurrentOrg() org: OrgContext,
    @Param('id') id: string,
    @Query() q: ListDeliveriesQuery,
  ): Promise<DeliveryPage> {
    const page = await this.webhooks.deliveriesOf(org.orgId, id, q);
    return { items: page.items.map(toDeliveryView), nextCursor: page.nextCursor };
  }
}
