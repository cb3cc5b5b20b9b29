import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PassportModule } from '@nestjs/passport';
import { AuthController } from './auth.controller';
import { ClientsController } from './clients/clients.controller';
import { ClientsService } from './clients/clients.service';
import { ServiceClientRepository } from './clients/service-client.repository';
import { ServiceClient, ServiceClientSchema } from './clients/service-client.schema';
import { JwksController } from './keys/jwks.controller';
import { KeyRingService } from './keys/key-ring.service';
import { SigningKeyRepository } from './keys/signing-key.repository';
import { SigningKey, SigningKeySchema } from './keys/signing-key.schema';
import { OidcClients } from './sso/oidc-clients';
import { SsoConfigService } from './sso/sso-config.service';
import { SsoConfig, SsoConfigSchema } from './sso/sso-config.schema';
import { SsoLoginService } from './sso/sso-login.service';
import { SsoStateStore } from './sso/sso-state.store';
import { SsoUser, SsoUserSchema } from './sso/sso-user.schema';
import { SsoConfigController, SsoLoginController } from './sso/sso.controller';
import { SsoConfigRepository, SsoUserRepository } from './sso/sso.repositories';
import { JwtStrategy } from './tokens/jwt.strategy';
import { LockoutStore } from './tokens/lockout.store';
import { TokenGrantService } from './tokens/token-grant.service';
import { TokenService } from './tokens/token.service';
import { TokenVersionStore } from './tokens/token-versions.store';

export const AUTH_MODELS = [
  { name: SigningKey.name, schema: SigningKeySchema },
  { name: ServiceClient.name, schema: ServiceClientSchema },
  { name: SsoConfig.name, schema: SsoConfigSchema },
  { name: SsoUser.name, schema: SsoUserSchema },
];

/** Tokens (issue, verify, JWKS), service clients, lockout and OIDC SSO. Needs Redis and Mongo. */
@Module({
  imports: [PassportModule, MongooseModule.forFeature(AUTH_MODELS)],
  controllers: [
    AuthController,
    JwksController,
    ClientsController,
    SsoLoginController,
    SsoConfigController,
  ],
  providers: [
    SigningKeyRepository,
    KeyRingService,
    TokenService,
    TokenVersionStore,
    JwtStrategy,
    LockoutStore,
    TokenGrantService,
    ServiceClientRepository,
    ClientsService,
    SsoConfigRepository,
    SsoUserRepository,
    SsoConfigService,
    SsoStateStore,
    OidcClients,
    SsoLoginService,
  ],
  exports: [TokenService, ClientsService, KeyRingService],
})
export class AuthModule {}
