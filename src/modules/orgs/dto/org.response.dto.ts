import { ApiProperty } from '@nestjs/swagger';

export class OrgResponseDto {
  @ApiProperty({ example: '665f1c2e9b1e8a0012345678' }) id: string;
  @ApiProperty({ example: 'Acme Corp' }) name: string;
  @ApiProperty({ enum: ['active', 'suspended'] }) status: string;
  @ApiProperty() createdAt: Date;
}
