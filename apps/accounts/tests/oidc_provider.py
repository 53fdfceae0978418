"""A minimal OpenID Connect provider for tests: discovery, authorize (auto-consent, redirects
back with a code), token (RS256 id_token, PKCE S256 verified), jwks, userinfo and end_session
(RP-initiated logout: checks id_token_hint, redirects to post_logout_redirect_uri). Runs with
wsgiref on 127.0.0.1 in a thread; the RSA key is generated when it starts.

OIDCProvider is shaped like ID-porten (claims from userinfo); AnsattportenProvider like
Ansattporten: its own issuer and client, no userinfo endpoint (the claims are in the id_token,
with `acr` and `authorization_details`) and the `iss` parameter on the redirect back."""

import base64
import hashlib
import json
import secrets
import threading
import time
from urllib.parse import parse_qs, urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


class OIDCProvider:
    client_id = "kokeboka-test"
    client_secret = "test-secret"  # noqa: S105
    settings_prefix = "OIDC_"
    userinfo = True  # Ansattporten has no userinfo endpoint
    iss_parameter = False  # RFC 9207 `iss` on the redirect back

    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = secrets.token_hex(8)
        self.claims = {"sub": "12345678901", "email": "person@example.no"}
        self.codes: dict[str, dict] = {}
        self.tokens: dict[str, dict] = {}
        self.token_requests: list[dict] = []
        self.authorize_requests: list[dict] = []
        self.logout_requests: list[dict] = []
        self.issued_id_tokens: list[str] = []
        self.server: WSGIServer | None = None
        self.thread: threading.Thread | None = None

    # Lifecycle ----------------------------------------------------------------------------

    def start(self) -> "OIDCProvider":
        self.server = make_server("127.0.0.1", 0, self, handler_class=_QuietHandler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def django_settings(self) -> dict:
        """The settings that point Kokeboka at this provider (ID-porten's OIDC_* names)."""
        return {
            "OIDC_RP_CLIENT_ID": self.client_id,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.url}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.url}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.url}/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.url}/jwks",
            "OIDC_OP_LOGOUT_ENDPOINT": f"{self.url}/logout",
            "OIDC_RP_SIGN_ALGO": "RS256",
            "OIDC_USE_PKCE": True,
        }

    # WSGI ---------------------------------------------------------------------------------

    def __call__(self, environ, start_response):
        path = environ["PATH_INFO"]
        query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        if path == "/.well-known/openid-configuration":
            return self._json(start_response, self._discovery())
        if path == "/authorize":
            return self._authorize(start_response, query)
        if path == "/token" and environ["REQUEST_METHOD"] == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(length).decode()
            form = {k: v[0] for k, v in parse_qs(body).items()}
            return self._token(start_response, form)
        if path == "/jwks":
            jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
            jwk.update({"kid": self.kid, "alg": "RS256", "use": "sig"})
            return self._json(start_response, {"keys": [jwk]})
        if path == "/logout":
            return self._logout(start_response, query)
        if path == "/userinfo" and self.userinfo:
            token = environ.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ")
            if token not in self.tokens:
                return self._json(start_response, {"error": "invalid_token"}, "401 Unauthorized")
            return self._json(start_response, self.tokens[token])
        return self._json(start_response, {"error": "not_found"}, "404 Not Found")

    def _discovery(self) -> dict:
        return {
            "issuer": self.url,
            "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token",
            "jwks_uri": f"{self.url}/jwks",
            **({"userinfo_endpoint": f"{self.url}/userinfo"} if self.userinfo else {}),
            "end_session_endpoint": f"{self.url}/logout",
            "authorization_response_iss_parameter_supported": self.iss_parameter,
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
        }

    def _authorize(self, start_response, query):
        self.authorize_requests.append(query)
        if query.get("client_id") != self.client_id or query.get("response_type") != "code":
            return self._json(start_response, {"error": "invalid_request"}, "400 Bad Request")
        if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
            return self._json(start_response, {"error": "pkce_required"}, "400 Bad Request")
        code = secrets.token_urlsafe(24)
        self.codes[code] = {
            "nonce": query.get("nonce"),
            "challenge": query["code_challenge"],
            "redirect_uri": query["redirect_uri"],
            "claims": dict(self.claims),
        }
        back = {"code": code, "state": query["state"]}
        if self.iss_parameter:
            back["iss"] = self.url
        location = f"{query['redirect_uri']}?{urlencode(back)}"
        start_response("302 Found", [("Location", location)])
        return [b""]

    def _token(self, start_response, form):
        self.token_requests.append(form)
        grant = self.codes.pop(form.get("code", ""), None)
        if grant is None or form.get("client_id") != self.client_id:
            return self._json(start_response, {"error": "invalid_grant"}, "400 Bad Request")
        if form.get("client_secret") != self.client_secret:
            return self._json(start_response, {"error": "invalid_client"}, "401 Unauthorized")
        if form.get("redirect_uri") != grant["redirect_uri"]:
            return self._json(start_response, {"error": "invalid_grant"}, "400 Bad Request")
        verifier = form.get("code_verifier", "")
        digest = hashlib.sha256(verifier.encode()).digest()
        challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
        if not verifier or challenge != grant["challenge"]:
            return self._json(start_response, {"error": "invalid_grant"}, "400 Bad Request")
        now = int(time.time())
        id_token = jwt.encode(
            {
                "iss": self.url,
                "aud": self.client_id,
                "iat": now,
                "exp": now + 300,
                "nonce": grant["nonce"],
                **grant["claims"],
            },
            self.key,
            algorithm="RS256",
            headers={"kid": self.kid},
        )
        self.issued_id_tokens.append(id_token)
        access_token = secrets.token_urlsafe(24)
        self.tokens[access_token] = grant["claims"]
        return self._json(
            start_response,
            {
                "access_token": access_token,
                "id_token": id_token,
                "token_type": "Bearer",
                "expires_in": 300,
            },
        )

    def _logout(self, start_response, query):
        """End session: the id_token_hint must be one this provider issued to our client."""
        self.logout_requests.append(query)
        if query.get("id_token_hint") not in self.issued_id_tokens:
            return self._json(start_response, {"error": "invalid_request"}, "400 Bad Request")
        start_response("302 Found", [("Location", query["post_logout_redirect_uri"])])
        return [b""]

    @staticmethod
    def _json(start_response, data, status="200 OK"):
        body = json.dumps(data).encode()
        start_response(
            status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
        )
        return [body]


class AnsattportenProvider(OIDCProvider):
    """Ansattporten-shaped: another issuer and client; no userinfo, the claims (with `acr`
    and `authorization_details`) in the id_token; `iss` on the redirect back."""

    client_id = "kokeboka-ansattporten-test"
    client_secret = "ansattporten-secret"  # noqa: S105
    userinfo = False
    iss_parameter = True

    def django_settings(self) -> dict:
        """The ANSATTPORTEN_* settings that point Kokeboka at this provider."""
        return {
            "ANSATTPORTEN_RP_CLIENT_ID": self.client_id,
            "ANSATTPORTEN_RP_CLIENT_SECRET": self.client_secret,
            "ANSATTPORTEN_OP_ISSUER": self.url,
            "ANSATTPORTEN_OP_AUTHORIZATION_ENDPOINT": f"{self.url}/authorize",
            "ANSATTPORTEN_OP_TOKEN_ENDPOINT": f"{self.url}/token",
            "ANSATTPORTEN_OP_USER_ENDPOINT": "",
            "ANSATTPORTEN_OP_JWKS_ENDPOINT": f"{self.url}/jwks",
            "ANSATTPORTEN_OP_LOGOUT_ENDPOINT": f"{self.url}/logout",
            "ANSATTPORTEN_RP_SIGN_ALGO": "RS256",
            "ANSATTPORTEN_ACR_VALUES": "substantial",
        }
