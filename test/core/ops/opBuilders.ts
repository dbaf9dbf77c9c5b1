/** Test helper: one record of each op, built from two leaves (pow takes the second's value). */
import {
  Op,
  add,
  div,
  exp,
  log,
  mul,
  neg,
  pow,
  relu,
  sigmoid,
  sub,
  tanh,
  valueAt,
  type MemoryArena,
  type Value,
} from '../../../src/core';

export const BUILD: Record<number, (s: MemoryArena, a: Value, b: Value) => Value> = {
  [Op.Add]: add,
  [Op.Mul]: mul,
  [Op.Relu]: (s, a) => relu(s, a),
  [Op.Sub]: sub,
  [Op.Neg]: (s, a) => neg(s, a),
  [Op.Div]: div,
  [Op.Pow]: (s, a, b) => pow(s, a, valueAt(s.memory, b >>> 0)),
  [Op.Tanh]: (s, a) => tanh(s, a),
  [Op.Exp]: (s, a) => exp(s, a),
  [Op.Log]: (s, a) => log(s, a),
  [Op.Sigmoid]: (s, a) => sigmoid(s, a),
};
