import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentOrg } from '../../../common/security/auth.decorators';
import type { OrgContext } from '../../../common/tenancy/org-context';
import { ClientsService } from './clients.service';
import {
  ClientResponseDto,
  CreateClientDto,
  CreatedClientResponseDto,
  ListClientsQueryDto,
  UpdateClientDto,
} from './dto/client.dto';

@ApiTags('clients')
@Controller('clients')
@Access('org.admin')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a service client; the secret is returned only here.' })
  @ApiCreatedResponse({ type: CreatedClientResponseDto })
  create(
    @CurrentOrg() ctx: OrgContext,
    @Body() dto: CreateClientDto,
  ): Promise<CreatedClientResponseDto> {
    return this.clients.create(ctx, dto);
  }

  @Get()
  @ApiOperation({ summary: "List the org's service clients." })
  @ApiOkResponse({ type: ClientResponseDto, isArray: true })
  list(
    @CurrentOrg() ctx: OrgContext,
    @Query() query: ListClientsQueryDto,
  ): Promise<ClientResponseDto[]> {
    return this.clients.list(ctx, query);
  }

  @Get(':clientId')
  @ApiOkResponse({ type: ClientResponseDto })
  @ApiNotFoundResponse({ description: 'CLIENT.NOT_FOUND (also for other orgs’ clients)' })
  get(
    @CurrentOrg() ctx: OrgContext,
    @Param('clientId') clientId: string,
  ): Promise<ClientResponseDto> {
    return this.clients.get(ctx, clientId);
  }

  @Patch(':clientId')
  @ApiOperation({ summary: 'Rename or change roles; a role change revokes outstanding tokens.' })
  @ApiOkResponse({ type: ClientResponseDto })
  @ApiNotFoundResponse({ description: 'CLIENT.NOT_FOUND' })
  update(
    @CurrentOrg() ctx: OrgContext,
    @Param('clientId') clientId: string,
    @Body() dto: UpdateClientDto,
  ): Promise<ClientResponseDto> {
    return this.clients.update(ctx, clientId, dto);
  }

  @Delete(':clientId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a client and every token it holds.' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'CLIENT.NOT_FOUND' })
  revoke(@CurrentOrg() ctx: OrgContext, @Param('clientId') clientId: string): Promise<void> {
    return this.clients.revoke(ctx, clientId);
  }
}
