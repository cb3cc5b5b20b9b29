import { Injectable } from '@nestjs/common';

/** The time source for erasure and retention; tests replace `now` to move through months. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
