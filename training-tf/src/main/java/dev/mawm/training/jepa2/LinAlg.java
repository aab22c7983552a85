package dev.mawm.training.jepa2;

/** Small dense linear algebra for the probes: Cholesky solves and symmetric eigenvalues (Jacobi). */
final class LinAlg {
    private LinAlg() {
    }

    /**
     * Eigenvalues of a symmetric matrix by cyclic Jacobi rotations.
     *
     * @param sym a symmetric matrix (not modified)
     * @return its eigenvalues, unsorted
     */
    static double[] eigenvalues(double[][] sym) {
        int n = sym.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = sym[i].clone();
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-22) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double[] eig = new double[n];
        for (int i = 0; i < n; i++) {
            eig[i] = a[i][i];
        }
        return eig;
    }

    /** Solves {@code A·X = B} for symmetric positive definite A by Cholesky. */
    static double[][] solve(double[][] a, double[][] b) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (s <= 0) {
                        throw new IllegalStateException("probe system is not positive definite (pivot " + s + " at " + i + ")");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        int k = b[0].length;
        double[][] x = new double[n][k];
        for (int c = 0; c < k; c++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double s = b[i][c];
                for (int j = 0; j < i; j++) {
                    s -= l[i][j] * y[j];
                }
                y[i] = s / l[i][i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = y[i];
                for (int j = i + 1; j < n; j++) {
                    s -= l[j][i] * x[j][c];
                }
                x[i][c] = s / l[i][i];
            }
        }
        return x;
    }
}
