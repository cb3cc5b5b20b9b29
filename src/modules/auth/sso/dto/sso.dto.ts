import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsFQDN,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { USER_ROLES, type UserRole } from '../../../../common/security/roles';

const lowerAll = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v))
    : value;

export class RoleMappingDto {
  @ApiProperty({ example: 'hr-admins' })
  @IsString()
  @Length(1, 200)
  group: string;

  @ApiProperty({ enum: USER_ROLES, isArray: true, example: ['admin'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(USER_ROLES, { each: true })
  roles: UserRole[];
}

export class SsoConfigDto {
  @ApiProperty({ example: 'https://login.acme.example' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['https', 'http'] })
  issuer: string;

  @ApiProperty()
  @IsString()
  @Length(1, 256)
  clientId: string;

  @ApiPropertyOptional({ description: 'Omit for a public client (PKCE only). Stored sealed.' })
  @IsOptional()
  @IsString()
  @Length(1, 1024)
  clientSecret?: string;

  @ApiProperty({ example: ['acme.example'] })
  @Transform(lowerAll)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsFQDN({ require_tld: false }, { each: true })
  allowedDomains: string[];

  @ApiPropertyOptional({ default: 'groups' })
  @IsOptional()
  @Matches(/^[\w.:/-]{1,100}$/)
  groupsClaim?: string;

  @ApiProperty({ type: RoleMappingDto, isArray: true })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RoleMappingDto)
  roleMappings: RoleMappingDto[];

  @ApiPropertyOptional({ default: 'openid email profile' })
  @IsOptional()
  @Matches(/^openid( [\w.:/-]{1,100}){0,20}$/)
  scopes?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class SsoConfigResponseDto {
  @ApiProperty() issuer: string;
  @ApiProperty() clientId: string;
  @ApiProperty() hasClientSecret: boolean;
  @ApiProperty() allowedDomains: string[];
  @ApiProperty() groupsClaim: string;
  @ApiProperty({ type: RoleMappingDto, isArray: true }) roleMappings: RoleMappingDto[];
  @ApiProperty() scopes: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ description: 'Register this redirect URI at the identity provider.' })
  redirectUri: string;
  @ApiProperty({ description: 'Where users start signing in.' }) loginUrl: string;
}

export class OrgParamDto {
  @ApiProperty({ example: '665f1c2e9b1e8a0012345678' })
  @Matches(/^[0-9a-f]{24}$/, { message: 'orgId must be a 24-character hex id' })
  orgId: string;
}

export class SsoLoginQueryDto {
  @ApiPropertyOptional({ description: 'Passed to the IdP as login_hint.' })
  @IsOptional()
  @IsString()
  @Length(1, 254)
  login_hint?: string;
}
