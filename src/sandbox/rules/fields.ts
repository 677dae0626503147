/**
 * Field-by-field reading of a JSON body, refusing like WeChat Pay: the first bad field stops
 * the request with 400 PARAM_ERROR whose `detail.field` is the field's JSON pointer.
 */
import { paramError } from '../wire/api-error';

export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Characters as WeChat counts them: a Chinese character (or any code point) is one. */
function charCount(text: string): number {
  return [...text].length;
}

/** Reads the fields of one JSON object; nested objects get their own reader. */
export class Fields {
  constructor(
    private readonly source: JsonObject,
    readonly pointer = '',
  ) {}

  /** The JSON pointer of a field of this object. */
  at(name: string): string {
    return `${this.pointer}/${name}`;
  }

  /** Throws PARAM_ERROR about `name` with a WeChat-style message. */
  fail(name: string, rule: string, issue: string): never {
    const field = this.at(name);
    throw paramError(field, `输入源“/body${field}”映射到字段“${name}”${rule}`, issue);
  }

  /** True when the field is present and not null. */
  has(name: string): boolean {
    return this.source[name] !== undefined && this.source[name] !== null;
  }

  /** A string of at most `max` characters; required ones must not be empty. */
  text(name: string, max: number, required: true): string;
  text(name: string, max: number, required: false): string | undefined;
  text(name: string, max: number, required: boolean): string | undefined {
    const value = this.present(name, required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.fail(name, '类型规则校验失败，应为字符串', 'must be a string');
    }
    if (required && value === '') this.missing(name);
    const length = charCount(value);
    if (length > max) {
      this.fail(
        name,
        `字符串规则校验失败，字符数 ${length}，大于最大值 ${max}`,
        `at most ${max} characters`,
      );
    }
    return value;
  }

  /** A whole number from `min` up to `max`. */
  integer(name: string, min: number, required: true, max?: number): number;
  integer(name: string, min: number, required: false, max?: number): number | undefined;
  integer(name: string, min: number, required: boolean, max?: number): number | undefined {
    const value = this.present(name, required);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      this.fail(name, '类型规则校验失败，应为整数', 'must be an integer');
    }
    if (value < min) {
      this.fail(name, `数值规则校验失败，${value} 小于最小值 ${min}`, `must be >= ${min}`);
    }
    if (max !== undefined && value > max) {
      this.fail(name, `数值规则校验失败，${value} 大于最大值 ${max}`, `must be <= ${max}`);
    }
    return value;
  }

  /** A JSON boolean. */
  boolean(name: string, required: boolean): boolean | undefined {
    const value = this.present(name, required);
    if (value !== undefined && typeof value !== 'boolean') {
      this.fail(name, '类型规则校验失败，应为布尔值', 'must be true or false');
    }
    return value as boolean | undefined;
  }

  /** A nested object, read by a reader whose pointer continues this one's. */
  object(name: string, required: true): Fields;
  object(name: string, required: false): Fields | undefined;
  object(name: string, required: boolean): Fields | undefined {
    const value = this.present(name, required);
    if (value === undefined) return undefined;
    if (!isObject(value)) this.fail(name, '类型规则校验失败，应为对象', 'must be an object');
    return new Fields(value, this.at(name));
  }

  /** An array of objects with `min`…`max` items, each read by its own reader. */
  list(name: string, min: number, max: number, required: boolean): Fields[] | undefined {
    const value = this.present(name, required);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) this.fail(name, '类型规则校验失败，应为数组', 'must be an array');
    if (value.length < min || value.length > max) {
      const rule = `数组规则校验失败，元素个数 ${value.length}，应在 ${min} 到 ${max} 之间`;
      this.fail(name, rule, `must have ${min} to ${max} items`);
    }
    return value.map((item, index) => {
      const pointer = `${this.at(name)}/${index}`;
      if (!isObject(item)) {
        throw paramError(
          pointer,
          `输入源“/body${pointer}”类型规则校验失败，应为对象`,
          'must be an object',
        );
      }
      return new Fields(item, pointer);
    });
  }

  private present(name: string, required: boolean): unknown {
    if (this.has(name)) return this.source[name];
    if (required) this.missing(name);
    return undefined;
  }

  private missing(name: string): never {
    return this.fail(name, '必填性规则校验失败，此字段为必填项', 'is required');
  }
}
