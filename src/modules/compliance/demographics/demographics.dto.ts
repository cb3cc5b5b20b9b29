import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { RACE_ANSWERS, RaceAnswer, SEX_ANSWERS, SexAnswer } from '../../../../libs/fairness';

export class SelfIdentificationDto {
  @ApiProperty({ enum: SEX_ANSWERS, description: 'EEO-1 sex category, or "declined"' })
  @IsIn(SEX_ANSWERS)
  sex: SexAnswer;

  @ApiProperty({
    enum: RACE_ANSWERS,
    isArray: true,
    description:
      'Every race/ethnicity that applies (EEO-1), or ["declined"]. Several races count as "Two or More Races"; Hispanic or Latino counts as such whatever else is ticked.',
    example: ['asian'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(RACE_ANSWERS.length)
  @ArrayUnique()
  @IsIn(RACE_ANSWERS, { each: true })
  raceEthnicity: RaceAnswer[];
}

export class SelfIdentificationReceipt {
  @ApiProperty() applicationId: string;
  @ApiProperty({ example: true }) recorded: boolean;
  @ApiProperty() submittedAt: Date;
}

export class SelfIdentificationView extends SelfIdentificationDto {
  @ApiProperty() applicationId: string;
  @ApiProperty() jobId: string;
  @ApiProperty() submittedAt: Date;
}
