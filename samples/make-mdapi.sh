#!/usr/bin/env bash
# Regenerate samples/mdapi-org/src (metadata-API format) from samples/source-org (sfdx source format).
#
# For the types calint reads, the mdapi file is the source file renamed (X.connectedApp-meta.xml ->
# connectedApps/X.connectedApp, ...): the contents are copied byte for byte, and a test checks that.
# Apex classes keep their .cls and .cls-meta.xml pair; a decomposed custom object is recomposed
# into objects/<Object>.object. package.xml is generated from the files written.
#
# Idempotent: the whole src/ tree is removed first, so renamed or deleted source files leave no
# stale copies behind. Usage: samples/make-mdapi.sh (from any directory).
set -euo pipefail
export LC_ALL=C

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src_root="$here/source-org/force-app/main/default"
out_root="$here/mdapi-org/src"
api_version="62.0"

[ -d "$src_root" ] || { echo "make-mdapi.sh: $src_root not found" >&2; exit 2; }

rm -rf "$out_root"
mkdir -p "$out_root"

members="$(mktemp)"
trap 'rm -f "$members"' EXIT

# source suffix | mdapi folder | mdapi suffix | package.xml type
table='
.connectedApp-meta.xml|connectedApps|.connectedApp|ConnectedApp
.eca-meta.xml|externalClientApps|.eca|ExternalClientApplication
.ecaOauth-meta.xml|extlClntAppOauthSettings|.ecaOauth|ExtlClntAppOauthSettings
.ecaGlblOauth-meta.xml|extlClntAppGlobalOauthSets|.ecaGlblOauth|ExtlClntAppGlobalOauthSettings
.ecaOauthPlcy-meta.xml|extlClntAppOauthPolicies|.ecaOauthPlcy|ExtlClntAppOauthConfigurablePolicies
.ecaPlcy-meta.xml|extlClntAppPolicies|.ecaPlcy|ExtlClntAppConfigurablePolicies
.ecaOauthSecurity-meta.xml|extlClntAppOauthSecuritySettings|.ecaOauthSecurity|ExtlClntAppOauthSecuritySettings
.ecaSamlPlcy-meta.xml|extlClntAppSamlConfigurablePolicies|.ecaSamlPlcy|ExtlClntAppSamlConfigurablePolicies
.settings-meta.xml|settings|.settings|Settings
.profile-meta.xml|profiles|.profile|Profile
.permissionset-meta.xml|permissionsets|.permissionset|PermissionSet
'

while IFS='|' read -r ssuf folder msuf type; do
    [ -n "$ssuf" ] || continue
    while IFS= read -r -d '' f; do
        base="$(basename "$f")"
        name="${base%"$ssuf"}"
        mkdir -p "$out_root/$folder"
        cp "$f" "$out_root/$folder/$name$msuf"
        printf '%s\t%s\n' "$type" "$name" >> "$members"
    done < <(find "$src_root" -type f -name "*$ssuf" -print0)
done <<< "$table"

# Apex classes: the mdapi layout is the same pair of files.
while IFS= read -r -d '' f; do
    name="$(basename "$f" .cls)"
    mkdir -p "$out_root/classes"
    cp "$f" "$out_root/classes/$name.cls"
    cp "$f-meta.xml" "$out_root/classes/$name.cls-meta.xml"
    printf 'ApexClass\t%s\n' "$name" >> "$members"
done < <(find "$src_root" -type f -name '*.cls' -print0)

# Custom objects: objects/<Obj>/<Obj>.object-meta.xml + fields/*.field-meta.xml -> objects/<Obj>.object,
# with each field as a <fields> element placed before <label> (element order is alphabetical).
while IFS= read -r -d '' f; do
    obj="$(basename "$f" .object-meta.xml)"
    fields_xml=""
    if [ -d "$(dirname "$f")/fields" ]; then
        while IFS= read -r -d '' ff; do
            fields_xml+="    <fields>"$'\n'
            fields_xml+="$(sed -e '1d' -e '2d' -e '$d' -e 's/^/    /' "$ff")"$'\n'
            fields_xml+="    </fields>"$'\n'
        done < <(find "$(dirname "$f")/fields" -type f -name '*.field-meta.xml' -print0 | sort -z)
    fi
    mkdir -p "$out_root/objects"
    FIELDS="$fields_xml" awk '
        /^    <label>/ && !done { printf "%s", ENVIRON["FIELDS"]; done = 1 }
        { print }
    ' "$f" > "$out_root/objects/$obj.object"
    printf 'CustomObject\t%s\n' "$obj" >> "$members"
done < <(find "$src_root" -type f -name '*.object-meta.xml' -print0)

xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }

{
    printf '<?xml version="1.0" encoding="UTF-8"?>\n'
    printf '<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n'
    cut -f1 "$members" | sort -u | while IFS= read -r type; do
        printf '    <types>\n'
        awk -F'\t' -v t="$type" '$1 == t { print $2 }' "$members" | sort -u | xml_escape |
            while IFS= read -r m; do printf '        <members>%s</members>\n' "$m"; done
        printf '        <name>%s</name>\n' "$type"
        printf '    </types>\n'
    done
    printf '    <version>%s</version>\n' "$api_version"
    printf '</Package>\n'
} > "$out_root/package.xml"

echo "make-mdapi.sh: wrote $(find "$out_root" -type f | wc -l | tr -d ' ') files to ${out_root#"$here"/}"
