"""Trains the screening model on the TypeScript feature matrix and exports ONNX + model card.

  npm run features -- <resume_data.csv> models/training/.cache/features.csv
  .venv/bin/python models/training/train.py --features models/training/.cache/features.csv \
      --stats models/training/.cache/features.stats.json --version 1.0.0

Everything is seeded and single-threaded, so a rerun reproduces the metrics and the ONNX bytes.
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(__file__))
from cv import FIT_THRESHOLD, grouped_folds, ranking_metrics  # noqa: E402
from model_def import CONFIG, fit_raw, predict_raw, fit_calibration, apply_calibration  # noqa: E402
from export_onnx import export_onnx, verify_onnx  # noqa: E402

ID_COLUMNS = ['resume_id', 'job_id', 'matched_score', 'holdout_type']


def load(path):
    df = pd.read_csv(path, keep_default_na=False, na_values=[''])
    baselines = [c for c in df.columns if c.startswith('baseline_')]
    features = [c for c in df.columns if c not in ID_COLUMNS and c not in baselines]
    df[baselines] = df[baselines].fillna(0.0)
    df[features] = df[features].astype(np.float32)
    return df, features


def fold_matrix(data_csv, train_rows, cache_dir, salt):
    """The feature matrix with text statistics fitted only on the fold's training resumes and jobs.
    Cached per (fold ids, full feature matrix), so a change to the feature code invalidates it."""
    os.makedirs(cache_dir, exist_ok=True)
    ids = sorted(set(train_rows.resume_id) | set(train_rows.job_id))
    key = hashlib.sha256(('\n'.join(ids) + salt).encode()).hexdigest()[:16]
    out = os.path.join(cache_dir, f'fold-{key}.csv')
    if not os.path.exists(out):
        ids_path = os.path.join(cache_dir, f'fold-{key}.ids')
        with open(ids_path, 'w') as f:
            f.write('\n'.join(ids) + '\n')
        root = os.path.join(os.path.dirname(__file__), '..', '..')
        subprocess.run(['node', '-r', './libs/scoring/scripts/ts-register.js', 'libs/scoring/scripts/features.ts',
                        data_csv, out, '--fit-ids', ids_path], cwd=root, check=True, stderr=subprocess.DEVNULL)
    return load(out)[0]


def cross_validate(df, features, k, seed, data_csv=None, cache_dir=None, salt=''):
    rows = []
    for fold, train, test in grouped_folds(df, k, seed):
        if data_csv:
            fdf = fold_matrix(data_csv, df.iloc[train], cache_dir, salt)
            dtr, dte = fdf.iloc[train], fdf.iloc[test]
        else:
            dtr, dte = df.iloc[train], df.iloc[test]
        model = fit_raw(dtr, features, seed)
        calib = fit_calibration(dtr, features, seed)
        raw = predict_raw(model, dte[features].to_numpy(np.float32))
        prob, expected = apply_calibration(calib, raw)
        row = {'fold': fold, 'test_pairs': len(test), 'test_jobs': int(dte.job_id.nunique()),
               'test_resumes': int(dte.resume_id.nunique()), 'train_pairs': len(train)}
        row['model'] = {**ranking_metrics(dte, prob), 'mae': float(np.abs(expected - dte.matched_score).mean())}
        row['tfidf'] = ranking_metrics(dte, dte.baseline_tfidf.to_numpy())
        row['jaccard'] = ranking_metrics(dte, dte.baseline_jaccard.to_numpy())
        rows.append(row)
    return rows


def summarize(rows):
    out = {}
    for who in ['model', 'tfidf', 'jaccard']:
        keys = rows[0][who].keys()
        out[who] = {m: float(np.mean([r[who][m] for r in rows])) for m in keys}
    out['model_beats_tfidf_every_fold'] = {
        m: bool(all(r['model'][m] > r['tfidf'][m] for r in rows)) for m in ['spearman', 'auc70']}
    return out


def print_table(rows, title):
    print(f'\n{title}')
    print('fold  pairs  model sp/ndcg/auc/mae          tfidf sp/ndcg/auc      jaccard sp/ndcg/auc')
    for r in rows:
        m, t, j = r['model'], r['tfidf'], r['jaccard']
        print(f"{r['fold']:>4} {r['test_pairs']:>6}  {m['spearman']:.3f} {m['ndcg10']:.3f} {m['auc70']:.3f} {m['mae']:.3f}"
              f"   {t['spearman']:.3f} {t['ndcg10']:.3f} {t['auc70']:.3f}   {j['spearman']:.3f} {j['ndcg10']:.3f} {j['auc70']:.3f}")
    s = summarize(rows)
    print(f"mean        {s['model']['spearman']:.3f} {s['model']['ndcg10']:.3f} {s['model']['auc70']:.3f} {s['model']['mae']:.3f}"
          f"   {s['tfidf']['spearman']:.3f} {s['tfidf']['ndcg10']:.3f} {s['tfidf']['auc70']:.3f}"
          f"   {s['jaccard']['spearman']:.3f} {s['jaccard']['ndcg10']:.3f} {s['jaccard']['auc70']:.3f}")
    print('beats tfidf on every fold:', s['model_beats_tfidf_every_fold'])
    return s


def sha256(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        h.update(f.read())
    return h.hexdigest()


def taxonomy_fingerprint():
    path = os.path.join(os.path.dirname(__file__), '..', '..', 'libs', 'taxonomy', 'data', 'skills.json')
    with open(path) as f:
        skills = len(json.load(f))
    return {'file': 'libs/taxonomy/data/skills.json', 'sha256': sha256(path), 'skills': skills}


def label_bands(prob, y, thresholds):
    """Share of pairs and precision (matched_score ≥ 0.7) in each label band, on CV predictions."""
    strong, potential = thresholds['strongFit'] / 100, thresholds['potentialFit'] / 100
    bands = {'strong_fit': prob >= strong, 'potential_fit': (prob >= potential) & (prob < strong), 'weak_fit': prob < potential}
    return {k: {'share': float(m.mean()), 'fit_rate': float(y[m].mean()) if m.any() else None} for k, m in bands.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--features', required=True)
    ap.add_argument('--stats', required=True)
    ap.add_argument('--version', required=True)
    ap.add_argument('--out-dir', default=os.path.join(os.path.dirname(__file__), '..'))
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--folds', type=int, default=5)
    ap.add_argument('--repeats', type=int, default=3, help='extra CV repetitions with other seeds, for stability')
    ap.add_argument('--cv-only', action='store_true')
    ap.add_argument('--data', help='resume_data.csv: refit the text statistics inside each CV fold (strict protocol)')
    args = ap.parse_args()

    df, features = load(args.features)
    cache = os.path.join(os.path.dirname(args.features), 'folds')
    salt = sha256(args.features)
    cv = lambda seed: cross_validate(df, features, args.folds, seed, args.data, cache, salt)  # noqa: E731
    rows = cv(args.seed)
    summary = print_table(rows, f'Grouped CV, seed {args.seed} (unseen resumes AND unseen jobs)')
    repeats = []
    for s in range(1, args.repeats):
        r = cv(args.seed + s)
        repeats.append({'seed': args.seed + s, **summarize(r)})
        print_table(r, f'Grouped CV, seed {args.seed + s}')
    if args.cv_only:
        return

    model = fit_raw(df, features, args.seed)
    calib = fit_calibration(df, features, args.seed)
    X = df[features].to_numpy(np.float32)
    raw = predict_raw(model, X)
    prob, _ = apply_calibration(calib, raw)

    name = f'screening-{args.version}'
    out_dir = os.path.abspath(args.out_dir)
    onnx_path = os.path.join(out_dir, f'{name}.onnx')
    export_onnx(model, calib, len(features), onnx_path)
    verify_onnx(onnx_path, X, prob)
    stats_file = f'{name}.stats.json'
    shutil.copyfile(args.stats, os.path.join(out_dir, stats_file))

    # CV predictions of fold 0..k-1 pooled, to describe the label bands honestly (not in-sample).
    cv_prob, cv_y = [], []
    for _, train, test in grouped_folds(df, args.folds, args.seed):
        fdf = fold_matrix(args.data, df.iloc[train], cache, salt) if args.data else df
        dtr, dte = fdf.iloc[train], fdf.iloc[test]
        p, _ = apply_calibration(fit_calibration(dtr, features, args.seed),
                                 predict_raw(fit_raw(dtr, features, args.seed), dte[features].to_numpy(np.float32)))
        cv_prob.append(p)
        cv_y.append((dte.matched_score >= FIT_THRESHOLD).to_numpy())
    cv_prob, cv_y = np.concatenate(cv_prob), np.concatenate(cv_y)

    thresholds = {'strongFit': 70, 'potentialFit': 50}
    card = build_card(args, name, features, df, onnx_path, stats_file, calib, rows, summary, repeats,
                      thresholds, label_bands(cv_prob, cv_y, thresholds))
    with open(os.path.join(out_dir, f'{name}.json'), 'w') as f:
        json.dump(card, f, indent=2)
        f.write('\n')
    print(f'\nwrote {onnx_path} sha256={card["sha256"]}')


def build_card(args, name, features, df, onnx_path, stats_file, calib, rows, summary, repeats, thresholds, bands):
    from model_card_text import DATA_DESCRIPTION, LIMITATIONS, FEATURE_DOCS
    return {
        'name': 'screening',
        'version': args.version,
        'file': os.path.basename(onnx_path),
        'sha256': sha256(onnx_path),
        'onnx': {'input': 'features', 'outputs': {'probability': 'probability', 'expected': 'expected', 'raw': 'raw'},
                 'opset': 15},
        'features': features,
        'featureDocs': {f: FEATURE_DOCS.get(f, '') for f in features},
        # Occlusion explanations replace one feature at a time by this reference value (training medians).
        'baseline': [float(np.median(df[f])) for f in features],
        'textStats': {'file': stats_file, 'sha256': sha256(os.path.join(os.path.dirname(onnx_path), stats_file))},
        'thresholds': thresholds,
        # Skill features depend on the taxonomy: serving reports a mismatch (ScreeningModel.taxonomyMatches).
        'taxonomy': taxonomy_fingerprint(),
        'labelBandsOnCv': bands,
        'target': {'label': f'matched_score >= {FIT_THRESHOLD}', 'score': '100 x calibrated P(matched_score >= 0.7)',
                   'expected': 'linear map of the raw model output to matched_score (used for MAE)'},
        'training': {
            **DATA_DESCRIPTION,
            'rows': int(len(df)), 'resumes': int(df.resume_id.nunique()), 'jobs': int(df.job_id.nunique()),
            'positiveRate': float((df.matched_score >= FIT_THRESHOLD).mean()),
            'algorithm': CONFIG['description'], 'params': CONFIG['params'], 'seed': args.seed,
            'calibration': {'method': 'Platt scaling on inner grouped out-of-fold raw scores',
                            'a': calib['a'], 'b': calib['b'], 'expectedSlope': calib['c'], 'expectedIntercept': calib['d']},
            'featureExtraction': 'npm run features (libs/scoring/features/compute-features.ts), same code as serving',
        },
        'metrics': {
            'protocol': f'{args.folds}-fold grouped CV: each test fold holds pairs whose resume and job are both unseen '
                        '(resume fold = job fold = k); training uses pairs whose resume and job are both outside fold k.'
                        + (' Text statistics (IDF, category affinity) are refitted inside each fold on its training '
                           'resumes and jobs only.' if args.data else ' Text statistics are fitted on all rows (label-free).'),
            'folds': rows, 'mean': summary, 'repeats': repeats,
        },
        'limitations': LIMITATIONS,
    }


if __name__ == '__main__':
    main()
