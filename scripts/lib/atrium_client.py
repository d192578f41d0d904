"""The running platform as scripts/seed and scripts/smoke see it: each stack's base URL, the token endpoint and
the platform admin client, found in .local/endpoints.json (local runtime) or in the stacks' outputs (AWS, via the
AWS CLI), plus a small HTTP client and the ledger where the seed remembers what it made.

Python 3.8+ standard library only (the AWS mode reads samconfig.toml with tomllib: Python 3.11+).
"""
import base64
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Failure(Exception):
    """A step that cannot go on; the message says what and where."""


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body) if self.body else None

    def __repr__(self):
        return "HTTP %d %s" % (self.status, self.body[:300])


def request(method, url, body=None, headers=None, form=None, attempts=4):
    """One HTTP call; 429 and 503 are retried after Retry-After (at most `attempts` tries), others returned."""
    data = None
    all_headers = dict(headers or {})
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        all_headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        all_headers["Content-Type"] = "application/json"
    for attempt in range(1, attempts + 1):
        req = urllib.request.Request(url, data=data, headers=all_headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=30) as res:
                response = Response(res.status, res.headers, res.read().decode())
        except urllib.error.HTTPError as e:
            response = Response(e.code, e.headers, e.read().decode())
        except urllib.error.URLError as e:
            raise Failure("%s %s: %s" % (method, url, e.reason))
        if response.status not in (429, 503) or attempt == attempts:
            return response
        time.sleep(min(int(response.headers.get("Retry-After") or 1), 10))
    return response


class Platform:
    """Where the APIs are: base URL per stack folder name (authz, partner, ...), token URL, admin client."""

    def __init__(self, label, base_urls, token_url, admin_id, admin_secret, ledger):
        self.label = label
        self.base_urls = base_urls
        self.token_url = token_url
        self.admin_id = admin_id
        self.admin_secret = admin_secret
        self.ledger = ledger

    def url(self, stack, path):
        if stack not in self.base_urls:
            raise Failure("no %s stack in %s (stacks: %s)" % (stack, self.label, ", ".join(sorted(self.base_urls))))
        return self.base_urls[stack].rstrip("/") + path

    def token(self, client_id, client_secret, scope=None):
        """An access token by client credentials (HTTP Basic), as any API client gets one."""
        basic = base64.b64encode(("%s:%s" % (client_id, client_secret)).encode()).decode()
        form = {"grant_type": "client_credentials"}
        if scope:
            form["scope"] = scope
        res = request("POST", self.token_url, form=form, headers={"Authorization": "Basic " + basic})
        if res.status != 200:
            raise Failure("token for client %s: %r" % (client_id, res))
        return res.json()["access_token"]

    def admin_token(self):
        return self.token(self.admin_id, self.admin_secret)


def local(endpoints_file):
    """The local runtime, from the endpoints file scripts/local (or @LocalSystemTest) wrote."""
    try:
        with open(endpoints_file) as f:
            e = json.load(f)
    except OSError as err:
        raise Failure("%s: %s (start scripts/local first)" % (endpoints_file, err.strerror))
    ledger = FileLedger(os.path.join(os.path.dirname(os.path.abspath(endpoints_file)), "seed.json"))
    return Platform("the local runtime", e["stacks"], e["tokenUrl"], e["adminClient"]["clientId"],
                    e["adminClient"]["clientSecret"], ledger)


def stack_folders(env):
    """{folder: (stack name, region)} from each stack folder's samconfig.toml section `env`."""
    import tomllib
    out = {}
    for name in sorted(os.listdir(ROOT)):
        config = os.path.join(ROOT, name, "samconfig.toml")
        if not (os.path.isfile(config) and os.path.isfile(os.path.join(ROOT, name, "template.yaml"))):
            continue
        with open(config, "rb") as f:
            params = tomllib.load(f).get(env, {}).get("deploy", {}).get("parameters", {})
        if "stack_name" not in params or "region" not in params:
            raise Failure("%s/samconfig.toml has no [%s.deploy.parameters] with stack_name and region" % (name, env))
        out[name] = (params["stack_name"], params["region"])
    return out


def aws(*args):
    """The AWS CLI's JSON answer."""
    try:
        out = subprocess.run(["aws"] + list(args) + ["--output", "json"], check=True, capture_output=True, text=True)
    except FileNotFoundError:
        raise Failure("the AWS CLI (aws) is not installed")
    except subprocess.CalledProcessError as e:
        raise Failure("aws %s: %s" % (" ".join(args[:2]), e.stderr.strip()))
    return json.loads(out.stdout) if out.stdout.strip() else None


def in_aws(env):
    """Environment `env` in AWS, from the stacks' outputs (the caller's AWS credentials)."""
    folders = stack_folders(env)
    if "authz" not in folders:
        raise Failure("no authz stack folder")
    base_urls, authz = {}, {}
    for folder, (stack, region) in folders.items():
        stacks = aws("cloudformation", "describe-stacks", "--region", region, "--stack-name", stack)["Stacks"]
        outputs = {o["OutputKey"]: o["OutputValue"] for o in stacks[0].get("Outputs", [])}
        urls = [v for k, v in sorted(outputs.items()) if k.endswith("ApiUrl")]
        if urls:
            base_urls[folder] = urls[0]
        if folder == "authz":
            authz = outputs
    for key in ("TokenUrl", "UserPoolId", "AdminClientId"):
        if key not in authz:
            raise Failure("stack %s has no output %s" % (folders["authz"][0], key))
    authz_stack, region = folders["authz"]
    client = aws("cognito-idp", "describe-user-pool-client", "--region", region, "--user-pool-id",
                 authz["UserPoolId"], "--client-id", authz["AdminClientId"])["UserPoolClient"]
    # atrium-{env}-authz -> /atrium-{env}-seed/ledger, which the deploy role may write (deploy/bootstrap.yaml)
    ledger = SsmLedger("/%s-seed/ledger" % authz_stack.rsplit("-", 1)[0], region)
    return Platform("%s (AWS %s)" % (env, region), base_urls, authz["TokenUrl"], client["ClientId"],
                    client["ClientSecret"], ledger)


class FileLedger:
    """What the seed made, in a JSON file beside the endpoints file (local only: it holds client secrets)."""

    def __init__(self, path):
        self.where = path

    def load(self):
        if not os.path.isfile(self.where):
            return {}
        with open(self.where) as f:
            return json.load(f)

    def save(self, data):
        tmp = self.where + ".tmp"
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            json.dump(data, f, indent=2, sort_keys=True)
        os.replace(tmp, self.where)


class SsmLedger:
    """What the seed made, as an SSM SecureString parameter of the environment (AWS)."""

    def __init__(self, name, region):
        self.name = name
        self.region = region
        self.where = "SSM parameter %s (SecureString, %s)" % (name, region)

    def load(self):
        try:
            out = aws("ssm", "get-parameter", "--region", self.region, "--name", self.name, "--with-decryption")
        except Failure as e:
            if "ParameterNotFound" in str(e):
                return {}
            raise
        return json.loads(out["Parameter"]["Value"])

    def save(self, data):
        aws("ssm", "put-parameter", "--region", self.region, "--name", self.name, "--type", "SecureString",
            "--tier", "Intelligent-Tiering", "--overwrite", "--value", json.dumps(data, separators=(",", ":")))


def platform_from_args(args):
    """--local [--endpoints F] or --env E, as both scripts take them."""
    if args.local or not args.env:
        return local(args.endpoints or os.path.join(ROOT, ".local", "endpoints.json"))
    return in_aws(args.env)


def add_target_arguments(parser):
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--local", action="store_true", help="the local runtime (default): .local/endpoints.json")
    where.add_argument("--env", help="an AWS environment (dev, staging, prod): its stacks' outputs")
    parser.add_argument("--endpoints", help="with --local: the endpoints file to read (default .local/endpoints.json)")


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)
