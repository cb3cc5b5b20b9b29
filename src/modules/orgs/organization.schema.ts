import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const ORG_STATUSES = ['active', 'suspended'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

/** A tenant. Its `_id` (hex) is the `orgId` every other document carries. */
@Schema({ collection: 'organizations', timestamps: true })
export class Organization {
  @Prop({ required: true, trim: true, maxlength: 200 }) name: string;
  @Prop({ type: String, required: true, enum: ORG_STATUSES, default: 'active' }) status: OrgStatus;
  createdAt: Date;
  updatedAt: Date;
}

export const OrganizationSchema = SchemaFactory.createForClass(Organization);
