// class-transformer's @Type reads design-time types; in the app Nest loads this polyfill.
import 'reflect-metadata';
import { Type, plainToInstance } from 'class-transformer';
import { IsArray, IsEmail, IsNotEmpty, IsString, ValidateNested, ValidationError, validateSync } from 'class-validator';
import { flattenValidationErrors, ValidationFailedError, validationExceptionFactory } from './validation-errors.js';

class SpeakerDto {
  @IsString()
  @IsNotEmpty()
  name: string;

  @IsEmail()
  email: string;
}

class SessionDto {
  @IsString()
  title: string;

  @ValidateNested()
  @Type(() => SpeakerDto)
  chair: SpeakerDto;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SpeakerDto)
  speakers: SpeakerDto[];
}

function validate(plain: object): ValidationError[] {
  return validateSync(plainToInstance(SessionDto, plain), { whitelist: true, forbidNonWhitelisted: true });
}

const VALID_SPEAKER = { name: 'Li Wei', email: 'li.wei@example.cn' };

describe(flattenValidationErrors.name, () => {
  it('returns nothing for a valid tree', () => {
    const errors = validate({ title: 'Opening plenary', chair: VALID_SPEAKER, speakers: [VALID_SPEAKER] });

    expect(flattenValidationErrors(errors)).toEqual([]);
  });

  it('gives one entry per field and rule with dotted paths into nested objects and arrays', () => {
    const errors = validate({
      title: 42,
      chair: { name: 'Anna Petrova', email: 'not-an-email' },
      speakers: [VALID_SPEAKER, { name: '', email: 'ivan@example.ru' }],
    });

    expect(flattenValidationErrors(errors)).toEqual(
      expect.arrayContaining([
        { field: 'title', rule: 'isString', message: 'title must be a string' },
        { field: 'chair.email', rule: 'isEmail', message: 'email must be an email' },
        { field: 'speakers.1.name', rule: 'isNotEmpty', message: 'name should not be empty' },
      ]),
    );
    expect(flattenValidationErrors(errors)).toHaveLength(3);
  });

  it("renames class-validator's whitelistValidation rule to unknownField, also when nested", () => {
    const errors = validate({
      title: 'Opening plenary',
      chair: { ...VALID_SPEAKER, phone: '+86 532 0000 0000' },
      speakers: [],
      colour: 'red',
    });

    expect(flattenValidationErrors(errors)).toEqual(
      expect.arrayContaining([
        { field: 'colour', rule: 'unknownField', message: 'property colour should not exist' },
        { field: 'chair.phone', rule: 'unknownField', message: 'property phone should not exist' },
      ]),
    );
    expect(flattenValidationErrors(errors).map((e) => e.rule)).not.toContain('whitelistValidation');
  });

  it('flattens a hand-built tree, keeping every constraint of a field and the parent prefix', () => {
    const child = Object.assign(new ValidationError(), {
      property: 'ru',
      constraints: { isString: 'ru must be a string', maxLength: 'ru is too long' },
    });
    const parent = Object.assign(new ValidationError(), { property: 'title', children: [child] });

    expect(flattenValidationErrors([parent], 'session')).toEqual([
      { field: 'session.title.ru', rule: 'isString', message: 'ru must be a string' },
      { field: 'session.title.ru', rule: 'maxLength', message: 'ru is too long' },
    ]);
  });
});

describe(validationExceptionFactory.name, () => {
  it('builds a 400 VALIDATION_FAILED error listing the fields', () => {
    const errors = validate({ title: 'Opening plenary', chair: { name: 'Anna Petrova', email: 'x' }, speakers: [] });

    const error = validationExceptionFactory(errors);

    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([{ field: 'chair.email', rule: 'isEmail', message: 'email must be an email' }]);
    expect(error.message).toBe('The request is invalid: email must be an email');
  });
});
