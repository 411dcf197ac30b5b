/**
 * Manifests the workspace protocol tests share: the `shop` Namespace with a Pod Security enforce
 * level, and a Deployment in it that uses the host's PID namespace (which baseline forbids).
 */

/** The `shop` Namespace enforcing `level`. */
export function shopNamespace(level: string): string {
  return `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: ${level}
`;
}

/** Deployment `web` in `shop`, with `hostPID: true`. */
export const SHOP_WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      hostPID: true
      containers:
        - name: web
          image: registry.example.com/web:2.1
`;
