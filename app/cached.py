"""The pages' costly pure results, cached across reruns and sessions, each wrapped once here.

A page script runs again on every rerun; a ``st.cache_data`` wrapper made in it would be made
again each time (Streamlit hashes the function's source on every wrap). These are made once, when
this module is first imported, and the pages call them by name.
"""

from app import live
from app.figures import broadcasting, matmul, network
from app.figures import iris as iris_figures
from core import iris, logistic, logistic_sweep
from core import network as nw

# broadcasting
picture_json, follow_sweep = live.cached(broadcasting.picture_json), live.cached(broadcasting.follow_sweep)
# iris
iris_load, iris_fit_path, iris_regions = (
    live.cached(iris.load),
    live.cached(iris.fit_path),
    live.cached(iris_figures.Regions.of),
)
# logistic regression
logistic_best_fit, logistic_descend = live.cached(logistic.best_fit), live.cached(logistic_sweep.descend)
logistic_loss_grid = live.cached(logistic_sweep.loss_grid)
# matrix multiplication
matmul_step_json, matmul_step_sweep = live.cached(matmul.step_json), live.cached(matmul.step_sweep)
matmul_outer_json = live.cached(matmul.outer_json)
# neural network
network_experiment, network_best_line_loss = live.cached(nw.experiment), live.cached(nw.best_line_loss)
network_step_figures, network_step_sweep = live.cached(network.step_figures), live.cached(network.step_sweep)
