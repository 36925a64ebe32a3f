// What an operation handler is: validated input in, the output shape out (or a thrown ProtonError).
import type { Store } from '../store';

// Inputs have passed validateInput, so members have the model's types; handlers read them through this view.
export type Input = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Output = Record<string, unknown>;
export type Handler = (store: Store, input: Input) => Output;
