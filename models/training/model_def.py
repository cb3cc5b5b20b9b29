"""The model: a LightGBM LambdaRank ranker over jobs (query = job), Platt-calibrated to
P(matched_score >= 0.7). Ranking within a job is what recruiters see, and a ranker ignores the
job-level offsets that a pooled regressor overfits with only ~19 training jobs per fold."""
import numpy as np
import lightgbm as lgb
from sklearn.linear_model import LinearRegression, LogisticRegression

from cv import FIT_THRESHOLD, grouped_folds

PARAMS = dict(
    objective='lambdarank', n_estimators=300, learning_rate=0.03, max_depth=2, num_leaves=3,
    min_child_samples=80, subsample=0.8, subsample_freq=1, colsample_bytree=0.8, reg_lambda=5.0,
    lambdarank_truncation_level=60, label_gain=list(range(0, 11)),
)
CONFIG = {'description': 'LightGBM LGBMRanker (lambdarank, query = job, relevance = floor(10 x matched_score))',
          'params': PARAMS}
RUNTIME = dict(deterministic=True, force_row_wise=True, num_threads=1, verbose=-1)


def relevance(score):
    return np.clip(np.floor(np.asarray(score) * 10 + 1e-9), 0, 10).astype(int)


def fit_raw(df, features, seed):
    d = df.sort_values('job_id', kind='stable')
    groups = d.groupby('job_id', sort=True).size().to_numpy()
    model = lgb.LGBMRanker(random_state=seed, **PARAMS, **RUNTIME)
    model.fit(d[features].to_numpy(np.float32), relevance(d.matched_score), group=groups)
    return model


def predict_raw(model, X):
    return model.predict(X)


def fit_calibration(df, features, seed, k=3):
    """Platt scaling and a linear map to matched_score, both fitted on inner grouped out-of-fold
    scores so that they see the ranker's behaviour on unseen resumes and jobs."""
    raws, ys = [], []
    for _, train, test in grouped_folds(df, k, seed + 1000):
        model = fit_raw(df.iloc[train], features, seed)
        raws.append(predict_raw(model, df.iloc[test][features].to_numpy(np.float32)))
        ys.append(df.iloc[test].matched_score.to_numpy())
    raw, y = np.concatenate(raws), np.concatenate(ys)
    platt = LogisticRegression(C=1e6, max_iter=1000).fit(raw.reshape(-1, 1), (y >= FIT_THRESHOLD).astype(int))
    lin = LinearRegression().fit(raw.reshape(-1, 1), y)
    return {'a': float(platt.coef_[0][0]), 'b': float(platt.intercept_[0]), 'c': float(lin.coef_[0]), 'd': float(lin.intercept_)}


def apply_calibration(calib, raw):
    prob = 1.0 / (1.0 + np.exp(-(calib['a'] * raw + calib['b'])))
    expected = np.clip(calib['c'] * raw + calib['d'], 0.0, 1.0)
    return prob, expected
