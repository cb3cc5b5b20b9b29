import { Types } from 'mongoose';
import { withoutNulls } from './resume.repository';

describe(withoutNulls.name, () => {
  it('drops nulls at every depth and keeps everything else', () => {
    const id = new Types.ObjectId();
    const at = new Date(0);
    expect(
      withoutNulls({
        a: null,
        b: 0,
        c: '',
        d: [{ e: null, f: 1 }],
        g: { h: null, i: false },
        id,
        at,
      }),
    ).toEqual({ b: 0, c: '', d: [{ f: 1 }], g: { i: false }, id, at });
  });
});
