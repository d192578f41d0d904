#!/usr/bin/env python3
"""Checks templates written by scripts/sam-local, as SAM would read them (SamLocalTemplatesTest runs it).

    python3 scripts/lib/check_sam_templates.py .local/sam/partner/template.yaml [...]
    PYTHONPATH=<SAM CLI's packages> python3 scripts/lib/check_sam_templates.py --sam-cli .local/sam/partner/template.yaml

For each template: the SAM translator (samtranslator, which cfn-lint brings) transforms it without error; every
function has a layer of the template and only plain string environment variables (every value resolved); every
route of its API but /health and /openapi.json runs a Lambda authorizer of the template. Then cfn-lint lints them
all. With --sam-cli, SAM CLI's own template reading (the providers `sam local` uses; samcli must be importable)
checks the same: every function's layers are layers of the template, no variable left unresolved, and every route
but the open ones and preflights has a Lambda authorizer of the template. Prints one line per template; exit 1 on
any problem.
"""
import os
import subprocess
import sys

from cfnlint.decode import decode
from samtranslator.translator.transform import transform

OPEN_ROUTES = {"/health", "/openapi.json"}


class NoManagedPolicies:
    """The generated templates name no managed policy by name; the translator needs a loader all the same."""

    def load(self):
        return {}


def local_code(path, template):
    """Local CodeUri/ContentUri paths must exist; they become S3 URIs for the translator (as sam package does)."""
    problems = []
    base = os.path.dirname(os.path.abspath(path))
    for name, resource in template.get("Resources", {}).items():
        props = resource.get("Properties", {})
        key = {"AWS::Serverless::Function": "CodeUri", "AWS::Serverless::LayerVersion": "ContentUri"}.get(
            resource.get("Type"))
        uri = props.get(key) if key else None
        if isinstance(uri, str) and not uri.startswith("s3://"):
            if not os.path.exists(os.path.join(base, uri)):
                problems.append(f"{path}: {name} {key} {uri} does not exist")
            props[key] = "s3://local/" + uri.replace("../", "")
    return problems


def problems_of(path):
    # the translator asks boto for a region to build ARNs; no AWS call is made
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    template, errors = decode(path)
    if errors:
        return [f"{path}: cannot read: {errors}"], ""
    problems = local_code(path, template)
    out = transform(template, {}, NoManagedPolicies())
    resources = out["Resources"]
    layers = {k for k, r in resources.items() if r["Type"] == "AWS::Lambda::LayerVersion"}
    functions = {k: r for k, r in resources.items() if r["Type"] == "AWS::Lambda::Function"}
    for name, fn in functions.items():
        props = fn["Properties"]
        used = [layer.get("Ref") for layer in props.get("Layers", []) if isinstance(layer, dict)]
        if not used or any(u not in layers for u in used):
            problems.append(f"{path}: {name} has no layer of the template: {props.get('Layers')}")
        for var, value in props.get("Environment", {}).get("Variables", {}).items():
            if not isinstance(value, str) or not value:
                problems.append(f"{path}: {name} variable {var} is not resolved: {value!r}")
    protected = 0
    for name, api in resources.items():
        if api["Type"] != "AWS::ApiGateway::RestApi":
            continue
        body = api["Properties"]["Body"]
        schemes = body.get("components", {}).get("securitySchemes", body.get("securityDefinitions", {}))
        authorizers = {k for k, v in schemes.items() if "x-amazon-apigateway-authorizer" in v}
        for route, methods in body["paths"].items():
            for method, op in methods.items():
                names = {k for s in op.get("security", []) for k in s}
                if route in OPEN_ROUTES or method == "options":  # CORS preflights carry no token
                    continue
                protected += 1
                if not names & authorizers:
                    problems.append(f"{path}: {method.upper()} {route} runs no authorizer ({sorted(names)})")
    summary = (f"{path}: {len(functions)} functions on layers {sorted(layers)}, "
               f"{protected} protected routes behind an authorizer")
    return problems, summary


def sam_cli_problems(path):
    """The template as `sam local` reads it (SAM CLI's stack, function and API providers)."""
    try:
        from samcli.lib.providers.api_provider import ApiProvider
        from samcli.lib.providers.sam_function_provider import SamFunctionProvider
        from samcli.lib.providers.sam_stack_provider import SamLocalStackProvider
    except ImportError as e:
        return [f"--sam-cli needs SAM CLI's Python packages on PYTHONPATH ({e})"]

    problems = []
    here = os.getcwd()
    os.chdir(os.path.dirname(os.path.abspath(path)))
    try:
        stacks, _ = SamLocalStackProvider.get_stacks("template.yaml")
        functions = list(SamFunctionProvider(stacks).get_all())
        for fn in functions:
            if not fn.layers or not all(layer.is_defined_within_template for layer in fn.layers):
                problems.append(f"{path}: sam local: {fn.name} has no layer of the template")
            for var, value in ((fn.environment or {}).get("Variables") or {}).items():
                if not isinstance(value, str) or "${" in value or "{{resolve:" in value:
                    problems.append(f"{path}: sam local: {fn.name} variable {var} is not resolved: {value!r}")
        routes = [r for r in ApiProvider(stacks).routes if r.path not in OPEN_ROUTES]
        for route in routes:
            methods = [m for m in route.methods if m != "OPTIONS"]
            if methods and not route.authorizer_object:
                problems.append(f"{path}: sam local: {','.join(methods)} {route.path} runs no authorizer")
        print(f"{path}: sam local reads {len(functions)} functions and {len(routes)} protected routes")
    finally:
        os.chdir(here)
    return problems


def main(args):
    sam_cli = "--sam-cli" in args
    paths = [a for a in args if a != "--sam-cli"]
    problems = []
    for path in paths:
        found, summary = problems_of(path)
        problems += found
        if summary:
            print(summary)
        if sam_cli:
            problems += sam_cli_problems(path)
    lint = subprocess.run(["cfn-lint", "--", *paths], capture_output=True, text=True)
    if lint.returncode != 0:
        problems.append(f"cfn-lint (exit {lint.returncode}):\n{lint.stdout}{lint.stderr}")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
