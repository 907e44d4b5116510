"""Server distributions from Maven Central, cached, checksum-verified, and the JDKs to run them.

Maven does the downloading: it verifies every file against the repository's checksums (``-C``),
keeps finished artifacts in its local repository, and never leaves a half-written artifact there,
so an interrupted fetch resumes from the artifacts already downloaded. Our own cache directory
holds the assembled result, marked complete only when Maven succeeded.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from armswatch.stack.processes import StackError

COMPLETE_MARKER = ".armswatch-complete"
ES_DISTRIBUTION = "org.elasticsearch.distribution.integ-test-zip:elasticsearch"
# SHA-256 of each Elasticsearch distribution we have checked, by version.
ES_SHA256 = {
    "9.5.4": "d9b0c28e08e499f6510b52ad66ec4bf9cdceab97cc28b3456989b8744b896934",
}
Progress = Callable[[str], None]


def _maven(
    pom_name: str, goal: str, properties: dict[str, str], progress: Progress, strict: bool = True
) -> None:
    """Run one Maven goal on a pom of ours, in a scratch directory (Maven writes target/ beside the pom)."""
    mvn = shutil.which("mvn")
    if mvn is None:
        raise StackError(
            "Maven (mvn) is not on PATH; install it (Debian: apt-get install maven) to fetch the servers."
        )
    scratch = Path(tempfile.mkdtemp(prefix="armswatch-maven-"))
    pom = scratch / "pom.xml"
    pom.write_bytes((resources.files("armswatch.stack") / "poms" / pom_name / "pom.xml").read_bytes())
    argv = [mvn, "-B", "--no-transfer-progress", "-f", str(pom), goal]
    if strict:
        argv.insert(2, "--strict-checksums")
    argv += [f"-D{key}={value}" for key, value in properties.items()]
    output = []
    try:
        proc = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=scratch
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            output.append(line.rstrip())
            if "Copying" in line or "Unpacking" in line:
                progress(line.strip().removeprefix("[INFO] "))
        returncode = proc.wait()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if returncode != 0:
        errors = [line for line in output if "ERROR" in line] or output[-20:]
        raise StackError(
            "Maven could not fetch the server distribution (is Maven Central reachable?):\n"
            + "\n".join(errors[:20])
        )


def kafka_libs(cache_dir: Path, version: str, progress: Progress) -> Path:
    """The directory of Kafka ``version``'s runtime jars, fetched on first use."""
    target = cache_dir / f"kafka-{version}" / "lib"
    if (target / COMPLETE_MARKER).exists():
        return target
    progress(f"fetching Kafka {version} and its dependencies from Maven Central")
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    _maven(
        "kafka",
        "dependency:copy-dependencies",
        {"kafka.version": version, "output.dir": str(target)},
        progress,
    )
    (target / COMPLETE_MARKER).touch()
    return target


def elasticsearch_home(cache_dir: Path, version: str, progress: Progress) -> Path:
    """The unpacked Elasticsearch ``version`` distribution, fetched and verified on first use."""
    root = cache_dir / f"elasticsearch-dist-{version}"
    home = root / f"elasticsearch-{version}"
    if (root / COMPLETE_MARKER).exists():
        return home
    progress(f"fetching Elasticsearch {version} from Maven Central (about 130 MB)")
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    # Central publishes this distribution without checksum files, so Maven's strict mode refuses it:
    # fetch it leniently, then check it against the SHA-256 pinned here for each known version.
    archive = root / f"elasticsearch-{version}.zip"
    properties = {"elasticsearch.version": version, "output.dir": str(root)}
    _maven("elasticsearch", "dependency:copy", properties, progress, strict=False)
    _verify_pinned(archive, ES_SHA256.get(version), progress)
    archive.unlink()
    _maven("elasticsearch", "dependency:unpack", properties, progress, strict=False)
    if not (home / "bin" / "elasticsearch").exists():
        raise StackError(f"the Elasticsearch archive did not contain {home}/bin/elasticsearch")
    for script in (home / "bin").iterdir():
        script.chmod(0o755)
    (root / COMPLETE_MARKER).touch()
    return home


def _verify_pinned(path: Path, expected: str | None, progress: Progress) -> None:
    if expected is None:
        progress(f"warning: no SHA-256 is pinned for {path.name}; it is used as Maven Central served it")
        return
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(2**20), b""):
            digest.update(block)
    if digest.hexdigest() != expected:
        path.unlink(missing_ok=True)
        raise StackError(
            f"{path.name} does not match its pinned SHA-256 (got {digest.hexdigest()}); "
            "the corrupt copy was deleted, run the command again to download it afresh"
        )


def java_major(java_home: Path) -> int | None:
    """The feature version of the JDK at ``java_home`` (from its ``release`` file), or None."""
    try:
        release = (java_home / "release").read_text()
    except OSError:
        return None
    match = re.search(r'^JAVA_VERSION="(\d+)(?:\.(\d+))?', release, re.MULTILINE)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2)) if major == 1 and match.group(2) else major


def _candidate_jdks() -> list[Path]:
    candidates = []
    for variable in ("ES_JAVA_HOME", "JAVA_HOME"):
        if os.environ.get(variable):
            candidates.append(Path(os.environ[variable]))
    java = shutil.which("java")
    if java:
        candidates.append(Path(os.path.realpath(java)).parent.parent)
    for folder in (Path("/usr/lib/jvm"), Path("/opt/java"), Path("/usr/local/lib/jvm")):
        if folder.is_dir():
            candidates.extend(sorted(p for p in folder.iterdir() if p.is_dir()))
    return candidates


def find_jdk(minimum: int, configured: Path | None, purpose: str) -> Path:
    """A JDK of at least ``minimum``: the configured one, else the newest one found on the machine."""
    if configured is not None:
        major = java_major(configured)
        if major is None or major < minimum:
            raise StackError(
                f"{configured} is not a JDK {minimum}+ (found {major}); {purpose} needs {minimum}+."
            )
        return configured
    found = [(java_major(path), path) for path in _candidate_jdks()]
    usable = [(major, path) for major, path in found if major is not None and major >= minimum]
    if not usable:
        seen = ", ".join(f"{path} ({major})" for major, path in found if major) or "none"
        raise StackError(
            f"{purpose} needs Java {minimum} or newer; JDKs found: {seen}. Install one "
            f"(Debian: apt-get install openjdk-{minimum}-jdk-headless, or a Temurin {minimum}+ JDK) "
            "and point ARMSWATCH_ELASTICSEARCH_JAVA_HOME / ARMSWATCH_JAVA_HOME at it."
        )
    return max(usable, key=lambda item: item[0])[1]
