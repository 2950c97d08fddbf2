import { GuardrailInputError } from '../../engine/input/input-error';

/** The message of the GuardrailInputError `fn` throws; fails the test when it throws nothing or something else. */
export function inputProblem(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof GuardrailInputError) return error.message;
    throw error;
  }
  throw new Error('expected a GuardrailInputError');
}
