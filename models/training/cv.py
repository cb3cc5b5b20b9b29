"""Grouped cross-validation over (resume, job) pairs and the metrics `screener evaluate` reports.

Fold k tests the pairs whose resume AND job both fall in group k, and trains on the pairs whose
resume and job both fall outside it, so every test pair has an unseen resume and an unseen job.
"""
import numpy as np
import pandas as pd
from scipy.stats import spearmanr
from sklearn.metrics import roc_auc_score

FIT_THRESHOLD = 0.7


def grouped_folds(df: pd.DataFrame, k: int, seed: int):
    rng = np.random.RandomState(seed)
    jobs = np.array(sorted(df.job_id.unique()))
    resumes = np.array(sorted(df.resume_id.unique()))
    rng.shuffle(jobs)
    rng.shuffle(resumes)
    job_fold = {j: i % k for i, j in enumerate(jobs)}
    resume_fold = {r: i % k for i, r in enumerate(resumes)}
    jf = df.job_id.map(job_fold).to_numpy()
    rf = df.resume_id.map(resume_fold).to_numpy()
    for f in range(k):
        train = np.where((jf != f) & (rf != f))[0]
        test = np.where((jf == f) & (rf == f))[0]
        yield f, train, test


def ndcg_at(gains_in_pred_order: np.ndarray, ideal_gains: np.ndarray, k: int = 10) -> float:
    disc = 1.0 / np.log2(np.arange(2, k + 2))
    dcg = float((gains_in_pred_order[:k] * disc[: len(gains_in_pred_order[:k])]).sum())
    idcg = float((ideal_gains[:k] * disc[: len(ideal_gains[:k])]).sum())
    return dcg / idcg if idcg > 0 else 0.0


def ranking_metrics(df: pd.DataFrame, score: np.ndarray) -> dict:
    """Mean within-job Spearman and NDCG@10 (gain = matched_score), pooled AUC at 0.7."""
    d = df.assign(_s=score)
    sps, ndcgs = [], []
    for _, g in d.groupby('job_id'):
        if g.matched_score.nunique() > 1 and g._s.nunique() > 1:
            sps.append(spearmanr(g.matched_score, g._s).correlation)
        # Ties broken by row order, like the TypeScript evaluator (stable sort).
        order = np.argsort(-g._s.to_numpy(), kind='stable')
        gains = g.matched_score.to_numpy()
        ndcgs.append(ndcg_at(gains[order], np.sort(gains)[::-1]))
    y = (d.matched_score >= FIT_THRESHOLD).astype(int)
    auc = roc_auc_score(y, d._s) if y.nunique() == 2 else float('nan')
    return {'spearman': float(np.mean(sps)), 'ndcg10': float(np.mean(ndcgs)), 'auc70': float(auc)}
