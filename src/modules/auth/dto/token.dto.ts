import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** RFC 6749 §4.4 token request, as JSON or application/x-www-form-urlencoded. */
export class TokenRequestDto {
  @ApiProperty({ example: 'client_credentials' })
  @IsString()
  @MaxLength(64)
  grant_type: string;

  @ApiPropertyOptional({ description: 'Or send HTTP Basic client authentication instead.' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  client_id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(256)
  client_secret?: string;

  @ApiPropertyOptional({ description: 'Accepted and ignored: roles come from the client.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  scope?: string;
}

export class TokenResponseDto {
  @ApiProperty() access_token: string;
  @ApiProperty({ example: 'Bearer' }) token_type: 'Bearer';
  @ApiProperty({ example: 900, description: 'Seconds until the token expires.' })
  expires_in: number;
}

export class PrincipalResponseDto {
  @ApiProperty() sub: string;
  @ApiProperty() orgId: string;
  @ApiProperty({ isArray: true, example: ['recruiter'] }) roles: string[];
  @ApiProperty({ enum: ['client', 'user'] }) kind: string;
}
