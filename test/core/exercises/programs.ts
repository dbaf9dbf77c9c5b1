/**
 * Test helper: for each program exercise, a right program, another right one written
 * differently, and a wrong one with the components it gets wrong.
 */
export const SOLUTIONS: Record<string, { right: string[]; wrong: string; wrongLabels: string[] }> =
  {
    'lecture-L': {
      right: [
        'a = 2; b = -3; c = 10; f = -2\ne = a*b\nd = e + c\nL = d*f',
        'a = 2; b = -3; c = 10; f = -2\nL = f*c + a*b*f',
      ],
      // (a·b − c)·f: dL/da = b·f and dL/db = a·f are unchanged; L, dL/dc and dL/df are not.
      wrong: 'a = 2; b = -3; c = 10; f = -2\nL = (a*b - c)*f',
      wrongLabels: ['L', 'dL/dc', 'dL/df'],
    },
    'lecture-neuron': {
      right: [
        'x1 = 2; x2 = 0\nw1 = -3; w2 = 1\nb = 6.8813735870195432\nn = x1*w1 + x2*w2 + b\no = tanh(n)',
        // tanh written out with exp, as the lecture does next
        'x1 = 2; x2 = 0\nw1 = -3; w2 = 1\nb = 6.8813735870195432\nn = x1*w1 + x2*w2 + b\n' +
          'e = exp(2*n)\no = (e - 1)/(e + 1)',
      ],
      // σ(n) happens to equal tanh(n) here (1/√2), but its slope is σ(1 − σ), not 1 − o².
      wrong:
        'x1 = 2; x2 = 0\nw1 = -3; w2 = 1\nb = 6.8813735870195432\nn = x1*w1 + x2*w2 + b\no = sigmoid(n)',
      wrongLabels: ['do/dn', 'do/dx1', 'do/dw1', 'do/dx2'],
    },
    'lecture-shared': {
      right: ['a = 3\nb = a + a', 'a = 3\nb = 2*a'],
      wrong: 'a = 3\nb = a + 3',
      wrongLabels: ['db/da'],
    },
    'micrograd-1': {
      right: [
        'a = 2; b = 3; c = 4\nf = -a**3 + sin(3*b) - 1/c + b**2.5 - a**0.5',
        'a = 2; b = 3; c = 4\ncube = a*a*a\nf = sin(b*3) - cube - c**-1 + pow(b, 2.5) - pow(a, 0.5)',
      ],
      // + a^0.5 for − a^0.5: f and df/da change; df/db and df/dc do not.
      wrong: 'a = 2; b = 3; c = 4\nf = -a**3 + sin(3*b) - 1/c + b**2.5 + a**0.5',
      wrongLabels: ['f', 'df/da'],
    },
    'micrograd-2': {
      right: [
        'z0 = 0; z1 = 3; z2 = -2; z3 = 1\n' +
          'e0 = exp(z0); e1 = exp(z1); e2 = exp(z2); e3 = exp(z3)\n' +
          's = e0 + e1 + e2 + e3\nloss = -log(e3 / s)',
        'z0 = 0; z1 = 3; z2 = -2; z3 = 1\n' +
          'loss = log(exp(z0) + exp(z1) + exp(z2) + exp(z3)) - z3',
      ],
      // Label 1 for label 3: dloss/dzi = pi − [i = label], so only z1 and z3 change.
      wrong:
        'z0 = 0; z1 = 3; z2 = -2; z3 = 1\n' +
        'e0 = exp(z0); e1 = exp(z1); e2 = exp(z2); e3 = exp(z3)\n' +
        's = e0 + e1 + e2 + e3\nloss = -log(e1 / s)',
      wrongLabels: ['dloss/dz1', 'dloss/dz3'],
    },
  };
