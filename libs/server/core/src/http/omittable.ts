import { ValidateIf } from 'class-validator';

/**
 * A field a PATCH may leave out but may not set to null. `@IsOptional()` skips every other check for `null` as well as
 * for a missing field, so `{"name": null}` reached a NOT NULL column and answered 500; with this the field's own checks
 * run on null (and refuse it with a message), and only an absent field is skipped.
 */
export const IsOmittable = () => ValidateIf((_object, value) => value !== undefined);
