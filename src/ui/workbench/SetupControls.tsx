import { useState } from 'react';
import { STORED_DATASETS } from '../../core';
import { useAppStore } from '../../store/appStore';
import type { TrainingConfig } from '../../setup';
import {
  DATASETS,
  clampPoints,
  TRAINING_LIMITS,
  editSetup,
  parameterCount,
  rateInForce,
  setupProblem,
} from '../../setup';
import { NumberField } from './NumberField';
import { InitSelect } from './PresetControls';
import { ratePlanLines, ratePlanNote } from './ratePlanNote';

/**
 * Data, model, loss and learning rate of the MLP scenario. A change of the data or model starts
 * a new run; a change of the rate or schedule goes on from the step on screen (`editSetup`).
 */
export function SetupControls() {
  const training = useAppStore((s) => s.training);
  const step = useAppStore((s) => s.stats.step);
  const setTraining = useAppStore((s) => s.setTraining);
  const [problem, setProblem] = useState<string | null>(null);
  /** What was changed from what the user typed (points brought within range), or null. */
  const [pointsNote, setPointsNote] = useState<string | null>(null);
  /** Applies `change` if the setup stays trainable; returns why not otherwise. */
  const apply = (change: Partial<TrainingConfig>): string | null => {
    const next = editSetup(training, step, change);
    const why = setupProblem(next);
    setProblem(why);
    setPointsNote(null);
    if (why) return why;
    if (change.hidden && change.hidden.length !== training.hidden.length) {
      // A new shape: draw every layer collapsed again (one box per neuron).
      useAppStore.setState({
        collapsedLayers: change.hidden.map((_, l) => l).concat(change.hidden.length),
      });
    }
    setTraining(next);
    return null;
  };
  const rate = rateInForce(training, step);
  const note = ratePlanNote(training, step);
  const { hidden } = training;
  const stored = STORED_DATASETS[training.dataset] && `${training.dataset}: the points are stored`;
  const setLayer = (l: number, n: number) =>
    apply({ hidden: hidden.map((m, i) => (i === l ? n : m)) });
  return (
    <div className="wb-setup" aria-label="training setup">
      <div className="wb-row">
        <label className="wb-field">
          data
          <select
            data-testid="dataset"
            value={training.dataset}
            onChange={(e) => apply({ dataset: e.target.value as TrainingConfig['dataset'] })}
          >
            {DATASETS.map((d) => (
              <option key={d} value={d}>
                {d === 'micrograd-moons' ? 'micrograd’s moons' : d}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label="points"
          testid="points"
          value={training.points}
          min={TRAINING_LIMITS.points.min}
          max={TRAINING_LIMITS.points.max}
          step={10}
          width={58}
          disabled={!!stored}
          title={stored || undefined}
          onCommit={(n) => {
            if (!Number.isInteger(n)) return apply({ points: n }); // refused, with the reason
            const clamped = clampPoints(training, n);
            const why = apply({ points: clamped.points });
            if (!why && clamped.note)
              setPointsNote(`${n.toLocaleString('en-US')} points: ${clamped.note}.`);
            return why;
          }}
        />
        <NumberField
          label="noise"
          testid="noise"
          value={training.noise}
          min={0}
          max={1}
          step={0.05}
          width={44}
          disabled={!!stored}
          title={stored || undefined}
          onCommit={(n) => apply({ noise: n })}
        />
        <InitSelect />
      </div>
      <div className="wb-row">
        <NumberField
          label="seed"
          testid="seed"
          value={training.seed}
          min={0}
          step={1}
          width={64}
          onCommit={(n) => apply({ seed: n })}
        />
        <button
          data-testid="new-seed"
          title="New data and initial weights from a fresh seed"
          onClick={() => apply({ seed: Math.floor(Math.random() * 1_000_000) })}
        >
          new seed ↻
        </button>
        <span className="wb-label" title="weights and biases in the model arena">
          {parameterCount(training)} params
        </span>
      </div>
      <div className="wb-row wb-layers" aria-label="hidden layers">
        {/* The model's shape wraps inside its own box (room for two lines is kept), so adding
            a layer never moves the rest of the workbench. */}
        <span className="wb-shape">
          <span className="wb-label">2 →</span>
          {hidden.map((n, l) => (
            <span key={l} className="wb-layer" data-testid={`hidden-${l + 1}`}>
              <button
                aria-label={`fewer neurons in layer ${l + 1}`}
                disabled={n <= TRAINING_LIMITS.neurons.min}
                onClick={() => setLayer(l, n - 1)}
              >
                −
              </button>
              <b>{n}</b>
              <button
                aria-label={`more neurons in layer ${l + 1}`}
                disabled={n >= TRAINING_LIMITS.neurons.max}
                onClick={() => setLayer(l, n + 1)}
              >
                +
              </button>
            </span>
          ))}
          <span className="wb-label">→ 1</span>
        </span>
        <span className="wb-layer-buttons">
          <button
            data-testid="add-layer"
            title="Add a hidden layer"
            disabled={hidden.length >= TRAINING_LIMITS.layers.max}
            onClick={() => apply({ hidden: [...hidden, hidden[hidden.length - 1] ?? 8] })}
          >
            +L
          </button>
          <button
            data-testid="remove-layer"
            title="Remove the last hidden layer"
            disabled={hidden.length <= TRAINING_LIMITS.layers.min}
            onClick={() => apply({ hidden: hidden.slice(0, -1) })}
          >
            −L
          </button>
        </span>
      </div>
      <div className="wb-row">
        <label className="wb-field">
          act
          <select
            data-testid="activation"
            value={training.activation}
            onChange={(e) => apply({ activation: e.target.value as TrainingConfig['activation'] })}
          >
            <option>relu</option>
            <option>tanh</option>
            <option>linear</option>
          </select>
        </label>
        <label className="wb-field">
          loss
          <select
            data-testid="loss-kind"
            value={training.loss}
            onChange={(e) => apply({ loss: e.target.value as TrainingConfig['loss'] })}
          >
            <option value="hinge">hinge + L2</option>
            <option value="mse">mse</option>
          </select>
        </label>
      </div>
      <div className="wb-row">
        <NumberField
          label="lr"
          testid="learning-rate"
          value={rate.learningRate}
          min={TRAINING_LIMITS.learningRate.min}
          max={TRAINING_LIMITS.learningRate.max}
          step="any"
          width={60}
          onCommit={(n) => apply({ learningRate: n })}
        />
        <label className="wb-field">
          <select
            aria-label="learning-rate schedule"
            data-testid="schedule"
            value={rate.schedule}
            onChange={(e) => apply({ schedule: e.target.value as TrainingConfig['schedule'] })}
          >
            <option value="decay">decay</option>
            <option value="constant">constant</option>
          </select>
        </label>
        {note && (
          <span
            className="wb-label"
            data-testid="rate-plan"
            title={`Learning-rate changes of this run (the link carries them):\n${ratePlanLines(training).join('\n')}`}
          >
            {note}
          </span>
        )}
      </div>
      {problem && (
        <p className="wb-problem" role="alert" data-testid="setup-problem">
          {problem}
        </p>
      )}
      {pointsNote && (
        <p className="wb-note" role="status" data-testid="setup-note">
          {pointsNote}
        </p>
      )}
    </div>
  );
}
