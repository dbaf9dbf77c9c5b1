import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runGrad } from '../../src/cli/grad';
import { KB } from '../../src/core';

/** Runs `node scripts/run-ts.mjs src/cli/main.ts grad ...args` from the project root. */
function cli(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['scripts/run-ts.mjs', 'src/cli/main.ts', 'grad', ...args],
    {
      encoding: 'utf8',
    },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('cli grad', () => {
  it('prints one JSON line with the output, the values and the gradients', () => {
    const run = cli('x = -4; z = 2*x + 2 + x; q = relu(z) + z*x; h = relu(z*z); y = h + q + q*x');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]);
    expect(Object.keys(result)).toEqual(['output', 'values', 'grads']);
    expect(result.output).toBe('y');
    expect(result.values).toEqual({ x: -4, z: -10, q: 40, h: 100, y: -20 });
    expect(result.grads.x).toBe(46);
    expect(Object.keys(result.grads)).toEqual(['x', 'z', 'q', 'h', 'y']);
  });

  it("runs a multi-line program: micrograd's larger case", () => {
    const program = [
      'a = -4.0; b = 2.0; c = a + b; d = a * b + b**3',
      'c += c + 1; c += 1 + c + (-a)',
      'd += d * 2 + relu(b + a); d += 3 * d + relu(b - a)',
      'e = c - d; f = e**2; g = f / 2.0; g += 10.0 / f',
    ].join('\n');
    const run = cli(program);
    expect(run.code).toBe(0);
    const { values, grads } = JSON.parse(run.stdout);
    expect(values.g).toBeCloseTo(24.70408163265306, 9);
    expect(grads.a).toBeCloseTo(138.83381924198252, 9);
    expect(grads.b).toBeCloseTo(645.5772594752186, 9);
  });

  it('writes NaN and infinities as strings, so the line is still JSON', () => {
    const run = cli('x = 0; y = log(x); z = 0/0 + x; w = -1/x');
    expect(run.code).toBe(0);
    const { values, grads } = JSON.parse(run.stdout);
    expect(values).toEqual({ x: 0, y: '-Infinity', z: 'NaN', w: '-Infinity' });
    expect(grads.w).toBe(1);
    expect(grads.x).toBe('Infinity');
  });

  it('rejects a malformed program: exit 1 and one stderr line with line:column and the reason', () => {
    const run = cli('x = 1\ny = x * )');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("grad: 2:9: expected a number, a name or '(' after '*', found ')'\n");
    const valueExponent = cli('x = 2; n = 3; y = x ** n');
    expect(valueExponent.code).toBe(1);
    expect(valueExponent.stderr).toMatch(/^grad: 1:24: the exponent of \*\* must be a constant/);
    expect(valueExponent.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints usage and exits 2 without a program', () => {
    const run = cli();
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("usage: npm run --silent cli -- grad '<program>'");
  });
});

describe('runGrad (in process)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reports a graph too big for the scratch arena in one stderr line, exit 1', () => {
    const errors: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      errors.push(String(chunk));
      return true;
    });
    const write = vi.spyOn(process.stdout, 'write');
    expect(runGrad([`y = 1${' + 1'.repeat(100)}`], KB(1))).toBe(1);
    expect(write).not.toHaveBeenCalled();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^grad: scratch arena overflow: .*capacity 1024 bytes.*\n$/);
  });

  it('asks for quotes when the program arrives as several words, exit 2', () => {
    const errors: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      errors.push(String(chunk));
      return true;
    });
    expect(runGrad(['y', '=', '2'])).toBe(2);
    expect(errors.join('')).toContain('put the program in quotes');
  });
});
