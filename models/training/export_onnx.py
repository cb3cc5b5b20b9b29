"""ONNX export: the LightGBM trees (onnxmltools, opset 15) plus the calibration as graph nodes,
so the single file maps features [N, F] to probability, expected matched_score and raw score."""
import numpy as np
import onnx
import onnxmltools
import onnxruntime as ort
from onnx import TensorProto, helper
from onnxmltools.convert.common.data_types import FloatTensorType

OPSET = 15


def export_onnx(model, calib, n_features, path):
    m = onnxmltools.convert_lightgbm(model, initial_types=[('features', FloatTensorType([None, n_features]))],
                                     target_opset=OPSET, zipmap=False)
    g = m.graph
    tree_out = g.output[0].name
    consts = {'cal_a': calib['a'], 'cal_b': calib['b'], 'exp_c': calib['c'], 'exp_d': calib['d'], 'zero': 0.0, 'one': 1.0}
    for k, v in consts.items():
        g.initializer.append(helper.make_tensor(k, TensorProto.FLOAT, [], [float(v)]))
    g.node.extend([
        helper.make_node('Identity', [tree_out], ['raw']),
        helper.make_node('Mul', [tree_out, 'cal_a'], ['logit_a']),
        helper.make_node('Add', ['logit_a', 'cal_b'], ['logit']),
        helper.make_node('Sigmoid', ['logit'], ['probability']),
        helper.make_node('Mul', [tree_out, 'exp_c'], ['exp_a']),
        helper.make_node('Add', ['exp_a', 'exp_d'], ['exp_b']),
        # Max/Min rather than Clip: the converter pins an ai.onnx opset whose Clip takes attributes.
        helper.make_node('Max', ['exp_b', 'zero'], ['exp_lo']),
        helper.make_node('Min', ['exp_lo', 'one'], ['expected']),
    ])
    del g.output[:]
    for name in ['probability', 'expected', 'raw']:
        g.output.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, [None, 1]))
    # The converter names the graph with a random UUID and lists opsets in set order (which varies
    # with Python's hash seed); a fixed name and a sorted list keep the file bytes reproducible.
    g.name = 'screening'
    opsets = sorted(((o.domain, o.version) for o in m.opset_import))
    del m.opset_import[:]
    for domain, version in opsets:
        m.opset_import.add(domain=domain, version=version)
    m.producer_name = 'resume-screener models/training'
    m.doc_string = 'Resume-job fit: LightGBM ranker + Platt calibration. See the model card (.json).'
    onnx.checker.check_model(m)
    with open(path, 'wb') as f:
        f.write(m.SerializeToString())


def verify_onnx(path, X, expected_prob, tol=1e-5):
    sess = ort.InferenceSession(path, providers=['CPUExecutionProvider'])
    prob = sess.run(['probability'], {'features': X.astype(np.float32)})[0].ravel()
    diff = float(np.abs(prob - expected_prob).max())
    if diff > tol:
        raise SystemExit(f'ONNX probabilities differ from Python by {diff}')
    print(f'ONNX check: max |p_onnx - p_python| = {diff:.2e} over {len(X)} rows')
