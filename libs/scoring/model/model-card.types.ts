/** The JSON model card written by models/training/train.py next to each ONNX file. */
export interface ModelCard {
  name: 'screening';
  version: string;
  /** ONNX file name, relative to the models directory. */
  file: string;
  /** sha256 of the ONNX file; checked at load. */
  sha256: string;
  onnx: {
    input: string;
    outputs: { probability: string; expected: string; raw: string };
    opset: number;
  };
  /** Ordered feature names; must equal FEATURE_NAMES. */
  features: string[];
  featureDocs?: Record<string, string>;
  /** Reference feature vector (training medians) that occlusion explanations substitute. */
  baseline: number[];
  textStats: { file: string; sha256: string };
  /** The skills taxonomy the features were computed with (path relative to the project root). */
  taxonomy?: { file: string; sha256: string; skills: number };
  /** Default score cut-offs (0..100). */
  thresholds: { strongFit: number; potentialFit: number };
  labelBandsOnCv?: Record<string, { share: number; fit_rate: number | null }>;
  target: Record<string, string>;
  training: Record<string, unknown>;
  metrics: Record<string, unknown>;
  limitations: string[];
}
