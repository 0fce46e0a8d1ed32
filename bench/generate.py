#!/usr/bin/env python3
"""Generate a large, deterministic, synthetic Salesforce org export for benchmarking calint.

Usage: generate.py OUT_DIR [--size-mb 500] [--seed 1]

The export is in source format (sfdx layout):

    OUT_DIR/sfdx-project.json
    OUT_DIR/force-app/main/default/
        connectedApps/App_N.connectedApp-meta.xml        (what calint audits)
        profiles/{Admin,Standard,Profile_N}.profile-meta.xml   (multi-MB, the bulk of the bytes)
        permissionsets/PS_N.permissionset-meta.xml
        settings/*.settings-meta.xml                     (MyDomain, OauthOidc, ConnectedApp, Security, ...)
        classes/, objects/, lwc/, staticresources/       (files calint must skip)

The same (size, seed) always produces byte-identical output. Only the standard library is used.
"""

import argparse
import base64
import json
import os
import random
import shutil
import sys
import time
from collections import Counter

MIB = 1024 * 1024
NS = "http://soap.sforce.com/2006/04/metadata"
DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'
API_VERSION = "61.0"

# ---------------------------------------------------------------------------------------------
# Name pools. These are independent of --size-mb so that profiles can reference a large org
# schema (as real profiles do) even when only part of it is written to objects/ and classes/.
# ---------------------------------------------------------------------------------------------

STANDARD_OBJECTS = [
    "Account", "Asset", "Campaign", "Case", "Contact", "Contract", "Event", "Lead", "Opportunity",
    "OpportunityLineItem", "Order", "OrderItem", "Pricebook2", "Product2", "Quote", "Solution",
    "Task", "User", "WorkOrder", "Entitlement",
]
N_CUSTOM_OBJECTS = 600          # Obj_1__c .. Obj_600__c
FIELDS_PER_OBJECT = 40          # F_1__c .. F_40__c on every object
RECORD_TYPES_PER_OBJECT = 3
N_CLASSES_POOL = 6000           # Cls_1 .. Cls_6000 may appear in classAccesses
N_PAGES_POOL = 3000             # Page_1 .. Page_3000 may appear in pageAccesses
N_FLOWS_POOL = 1500
APPS_POOL = [
    "standard__Sales", "standard__Service", "standard__Marketing", "standard__Community",
    "standard__Platform", "standard__Chatter", "standard__Content", "standard__LightningSales",
    "standard__LightningService", "standard__AppLauncher", "Custom_Console", "Field_Service",
    "Partner_Portal", "Ops_Dashboard",
]
ALL_OBJECTS = STANDARD_OBJECTS + [f"Obj_{i}__c" for i in range(1, N_CUSTOM_OBJECTS + 1)]

USER_PERMISSIONS = [
    "ActivitiesAccess", "AllowViewKnowledge", "ApiEnabled", "ApiUserOnly", "ApproveUninstalledApps",
    "AssignPermissionSets", "AuthorApex", "BulkApiHardDelete", "ChatterEditOwnPost",
    "ChatterInternalUser", "ChatterInviteExternalUsers", "ConvertLeads", "CreateCustomizeReports",
    "CustomizeApplication", "EditEvent", "EditTask", "EmailMass", "EmailSingle", "ExportReport",
    "ImportLeads", "ImportPersonal", "LightningExperienceUser", "ManageCases", "ManageInternalUsers",
    "ManageProfilesPermissionsets", "ManageRoles", "ManageSharing", "ManageUsers", "ModifyAllData",
    "ModifyMetadata", "PasswordNeverExpires", "ResetPasswords", "RunReports", "SelectFilesFromSalesforce",
    "TransferAnyEntity", "UseAnyApiClient", "ViewAllData", "ViewAllUsers", "ViewHelpLink", "ViewRoles",
    "ViewSetup",
]
ADMIN_ONLY_PERMS = {"ModifyAllData", "ViewAllData", "ManageUsers", "CustomizeApplication",
                    "AuthorApex", "ModifyMetadata", "ManageProfilesPermissionsets"}

SCOPES = [
    "Basic", "Api", "Web", "Full", "Chatter", "CustomApplications", "RefreshToken", "OpenID",
    "Profile", "Email", "Address", "Phone", "OfflineAccess", "CustomPermissions", "Wave", "Eclair",
    "Pardot", "Lightning", "Content", "Visualforce",
]
# weights: common scopes appear far more often than the exotic ones
SCOPE_WEIGHTS = [6, 14, 6, 4, 3, 2, 10, 6, 3, 3, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1]

COMPANIES = [
    "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell",
    "Cyberdyne", "Soylent", "Wonka", "Gringotts", "Oscorp", "Aperture", "BlackMesa", "Contoso",
    "Fabrikam", "Northwind", "Tailspin",
]
PRODUCTS = [
    "Connector", "Sync", "Gateway", "Portal", "Mobile", "Analytics", "Billing", "Sign", "Chat",
    "Scheduler", "Backup", "ETL", "Reporting", "CPQ", "Telephony", "Survey", "DataLoader", "Bridge",
]
PS_ADJ = ["Integration", "Read Only", "Sales", "Service", "Marketing", "Partner", "API", "Support",
          "Finance", "Ops", "Audit", "Legacy", "Mobile", "Field", "Data"]
PS_NOUN = ["Access", "Users", "Admins", "Managers", "Agents", "Automation", "Reporting",
           "Editors", "Viewers", "Tools"]
WORDS = ("the of and to in is for on with as by at from this that records account data user "
         "access sync integration service portal update review legacy owner team region").split()


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def tf(rng, p_true):
    return "true" if rng.random() < p_true else "false"


def sentence(rng, lo=4, hi=14):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi))).capitalize() + "."


def b64_block(rng, nbytes, width=64):
    s = base64.b64encode(rng.randbytes(nbytes)).decode("ascii")
    if width <= 0:
        return s
    return "\n".join(s[i:i + width] for i in range(0, len(s), width))


# ---------------------------------------------------------------------------------------------
# Output bookkeeping
# ---------------------------------------------------------------------------------------------

class Writer:
    def __init__(self, root):
        self.root = root
        self.base = os.path.join(root, "force-app", "main", "default")
        self.files = Counter()
        self.bytes = Counter()
        self.largest = (0, "")
        self._dirs = set()

    def write(self, rel, text, category, base=True):
        data = text.encode("utf-8") if isinstance(text, str) else text
        path = os.path.join(self.base if base else self.root, rel)
        d = os.path.dirname(path)
        if d not in self._dirs:
            os.makedirs(d, exist_ok=True)
            self._dirs.add(d)
        with open(path, "wb") as f:
            f.write(data)
        self.files[category] += 1
        self.bytes[category] += len(data)
        if len(data) > self.largest[0]:
            self.largest = (len(data), os.path.relpath(path, self.root))
        return len(data)

    @property
    def total_bytes(self):
        return sum(self.bytes.values())


# ---------------------------------------------------------------------------------------------
# Connected Apps
# ---------------------------------------------------------------------------------------------

def consumer_key(rng):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._"
    return "3MVG9" + "".join(rng.choices(alphabet, k=80))


def callback_urls(rng, company, product):
    host = f"{product.lower()}.{company.lower()}.example.com"
    pool = [
        f"https://{host}/oauth/callback",
        f"https://{host}/auth/salesforce/callback",
        f"https://login.{company.lower()}.example.com/sso/sfdc",
        "https://localhost:8443/callback",
        "http://localhost:1717/OauthRedirect",
        f"http://{host}/callback",
        f"{company.lower()}app://oauth/done",
        "sfdc://success",
        f"https://*.{company.lower()}.example.com/cb",
        "https://login.salesforce.com/services/oauth2/success",
    ]
    r = rng.random()
    if r < 0.55:
        n = 1
    elif r < 0.85:
        n = rng.randint(2, 3)
    else:
        n = rng.randint(4, 7)
    first = pool[0] if rng.random() < 0.8 else rng.choice(pool)
    urls = [first] + rng.sample([u for u in pool if u != first], n - 1)
    return urls


def refresh_token_policy(rng):
    r = rng.random()
    if r < 0.35:
        return "infinite"
    if r < 0.45:
        return "zero"
    if r < 0.78:
        n, unit = rng.choice([(90, "DAYS"), (30, "DAYS"), (365, "DAYS"), (12, "HOURS"),
                              (6, "MONTHS"), (1, "MONTHS"), (24, "HOURS"), (180, "DAYS")])
        return f"specific_lifetime:{n}:{unit}"
    n, unit = rng.choice([(30, "DAYS"), (7, "DAYS"), (90, "DAYS"), (2, "MONTHS"), (48, "HOURS")])
    return f"specific_inactivity:{n}:{unit}"


def connected_app(i, rng, profile_names, permset_labels):
    company = rng.choice(COMPANIES)
    product = rng.choice(PRODUCTS)
    p = [DECL, f'<ConnectedApp xmlns="{NS}">\n']
    if rng.random() < 0.08:
        for _ in range(rng.randint(1, 3)):
            key = rng.choice(["region", "tenant", "employee_id", "org_type", "email_verified"])
            p.append("    <attributes>\n"
                     f"        <formula>$User.{key.capitalize()}</formula>\n"
                     f"        <key>{key}</key>\n"
                     "    </attributes>\n")
    p.append(f"    <contactEmail>{rng.choice(['admin', 'it-ops', 'security', 'dev'])}"
             f"@{company.lower()}.example.com</contactEmail>\n")
    if rng.random() < 0.3:
        p.append(f"    <contactPhone>+1 555 01{rng.randint(0, 99):02d}</contactPhone>\n")
    if rng.random() < 0.6:
        p.append(f"    <description>{company} {product}: {xml_escape(sentence(rng))}</description>\n")
    if rng.random() < 0.15:
        p.append(f"    <infoUrl>https://www.{company.lower()}.example.com/{product.lower()}</infoUrl>\n")
    if rng.random() < 0.12:
        for _ in range(rng.randint(1, 3)):
            a, b = rng.randint(1, 220), rng.randint(0, 255)
            p.append("    <ipRanges>\n"
                     f"        <description>{company} office</description>\n"
                     f"        <end>{a}.{b}.255.255</end>\n"
                     f"        <start>{a}.{b}.0.0</start>\n"
                     "    </ipRanges>\n")
    p.append(f"    <label>{company} {product} {i}</label>\n")

    saml_only = rng.random() < 0.05
    if not saml_only:
        o = ["    <oauthConfig>\n"]
        o.append("        <callbackUrl>" + "\n".join(callback_urls(rng, company, product)) +
                 "</callbackUrl>\n")
        if rng.random() < 0.2:
            o.append("        <certificate>" + b64_block(rng, 960, width=0) + "</certificate>\n")
        o.append(f"        <consumerKey>{consumer_key(rng)}</consumerKey>\n")
        r = rng.random()
        if r < 0.45:
            o.append("        <isAdminApproved>true</isAdminApproved>\n")
        elif r < 0.75:
            o.append("        <isAdminApproved>false</isAdminApproved>\n")
        client_creds = rng.random() < 0.1
        if client_creds:
            o.append("        <isClientCredentialEnabled>true</isClientCredentialEnabled>\n")
        o.append(f"        <isCodeCredentialEnabled>{tf(rng, 0.05)}</isCodeCredentialEnabled>\n")
        o.append(f"        <isConsumerSecretOptional>{tf(rng, 0.15)}</isConsumerSecretOptional>\n")
        o.append(f"        <isIntrospectAllTokens>{tf(rng, 0.1)}</isIntrospectAllTokens>\n")
        if rng.random() < 0.5:
            o.append(f"        <isPkceRequired>{tf(rng, 0.4)}</isPkceRequired>\n")
        o.append(f"        <isSecretRequiredForRefreshToken>{tf(rng, 0.7)}"
                 "</isSecretRequiredForRefreshToken>\n")
        if client_creds:
            o.append(f"        <oauthClientCredentialUser>integration{i}@{company.lower()}.example.com"
                     "</oauthClientCredentialUser>\n")
        k = min(len(SCOPES), 1 + int(rng.expovariate(0.6)))
        chosen = set()
        while len(chosen) < k:
            chosen.add(rng.choices(SCOPES, SCOPE_WEIGHTS)[0])
        for s in sorted(chosen, key=SCOPES.index):
            o.append(f"        <scopes>{s}</scopes>\n")
        o.append("    </oauthConfig>\n")
        p.extend(o)

        p.append("    <oauthPolicy>\n")
        p.append("        <ipRelaxation>" +
                 rng.choices(["ENFORCE", "BYPASS", "BYPASS_2FACTOR"], [5, 3, 2])[0] +
                 "</ipRelaxation>\n")
        if rng.random() < 0.9:
            p.append(f"        <refreshTokenPolicy>{refresh_token_policy(rng)}</refreshTokenPolicy>\n")
        p.append("    </oauthPolicy>\n")

    n_ps = rng.choices([0, 1, 2, 3], [6, 3, 1, 1])[0]
    for _ in range(n_ps):
        if rng.random() < 0.04:
            p.append(f"    <permissionSetName>Retired {rng.choice(PS_NOUN)} {rng.randint(1000, 9999)}"
                     "</permissionSetName>\n")
        else:
            p.append(f"    <permissionSetName>{xml_escape(rng.choice(permset_labels))}</permissionSetName>\n")
    n_prof = rng.choices([0, 1, 2, 3, 5], [3, 4, 2, 1, 1])[0]
    for _ in range(n_prof):
        r = rng.random()
        if r < 0.03:
            p.append(f"    <profileName>Deleted Profile {rng.randint(1, 500)}</profileName>\n")
        elif r < 0.05:
            p.append("    <profileName>Systemadministrator</profileName>\n")
        else:
            p.append(f"    <profileName>{rng.choice(profile_names)}</profileName>\n")

    if saml_only:
        host = f"{product.lower()}.{company.lower()}.example.com"
        p.append("    <samlConfig>\n"
                 f"        <acsUrl>https://{host}/saml/acs</acsUrl>\n"
                 "        <certificate>SelfSignedCert_28Apr2023</certificate>\n"
                 f"        <entityUrl>https://{host}</entityUrl>\n"
                 f"        <issuer>https://{company.lower()}.my.salesforce.com</issuer>\n"
                 "        <samlNameIdFormat>EmailAddress</samlNameIdFormat>\n"
                 "        <samlSigningAlgoType>SHA256</samlSigningAlgoType>\n"
                 f"        <subjectType>{rng.choice(['Username', 'FederationId', 'UserId'])}</subjectType>\n"
                 "    </samlConfig>\n")
    if rng.random() < 0.15:
        p.append("    <sessionPolicy>\n"
                 f"        <policyAction>{rng.choice(['RaiseSessionLevel', 'Block'])}</policyAction>\n"
                 "        <sessionLevel>HIGH_ASSURANCE</sessionLevel>\n"
                 f"        <sessionTimeout>{rng.choice([15, 30, 60, 120, 240])}</sessionTimeout>\n"
                 "    </sessionPolicy>\n")
    if rng.random() < 0.2:
        p.append(f"    <startUrl>https://{product.lower()}.{company.lower()}.example.com/start</startUrl>\n")
    p.append("</ConnectedApp>\n")
    return "".join(p)


# ---------------------------------------------------------------------------------------------
# Profiles and permission sets
# ---------------------------------------------------------------------------------------------

def field_perm(rng, obj, f):
    ed = rng.random() < 0.45
    rd = ed or rng.random() < 0.8
    return ("    <fieldPermissions>\n"
            f"        <editable>{'true' if ed else 'false'}</editable>\n"
            f"        <field>{obj}.F_{f}__c</field>\n"
            f"        <readable>{'true' if rd else 'false'}</readable>\n"
            "    </fieldPermissions>\n")


def object_perm(rng, obj, full):
    if full:
        c = d = e = r = m = v = True
    else:
        r = rng.random() < 0.9
        c = r and rng.random() < 0.5
        e = r and rng.random() < 0.6
        d = e and rng.random() < 0.3
        v = r and rng.random() < 0.1
        m = e and v and rng.random() < 0.3
    t = lambda x: "true" if x else "false"  # noqa: E731
    return ("    <objectPermissions>\n"
            f"        <allowCreate>{t(c)}</allowCreate>\n"
            f"        <allowDelete>{t(d)}</allowDelete>\n"
            f"        <allowEdit>{t(e)}</allowEdit>\n"
            f"        <allowRead>{t(r)}</allowRead>\n"
            f"        <modifyAllRecords>{t(m)}</modifyAllRecords>\n"
            f"        <object>{obj}</object>\n"
            f"        <viewAllRecords>{t(v)}</viewAllRecords>\n"
            "    </objectPermissions>\n")


def fill(budget, make):
    """Call make(k) for k = 0, 1, ... until the produced text reaches budget bytes."""
    out, size, k = [], 0, 0
    while size < budget:
        s = make(k)
        if s:
            out.append(s)
            size += len(s)
        k += 1
    return out


def seq(rng, pool_len, keep):
    """A generator of pool indexes in order from a random start, keeping each with prob keep."""
    start = rng.randrange(pool_len)
    k = 0
    while True:
        idx = (start + k) % pool_len
        k += 1
        if rng.random() < keep:
            yield idx


def user_permissions(rng, kind):
    if kind == "admin":
        names = list(USER_PERMISSIONS)
    else:
        names = [n for n in USER_PERMISSIONS
                 if (n not in ADMIN_ONLY_PERMS and rng.random() < 0.45)
                 or (n in ADMIN_ONLY_PERMS and rng.random() < 0.04)]
        if kind == "api" and "ApiEnabled" not in names:
            names.append("ApiEnabled")
        elif kind == "noapi" and "ApiEnabled" in names:
            names.remove("ApiEnabled")
    out = []
    for n in sorted(names):
        en = "true" if (kind == "admin" or rng.random() < 0.93) else "false"
        out.append("    <userPermissions>\n"
                   f"        <enabled>{en}</enabled>\n"
                   f"        <name>{n}</name>\n"
                   "    </userPermissions>\n")
    return out


def profile_xml(name, target, rng):
    kind = "admin" if name == "Admin" else ("standard" if name == "Standard" else
                                             rng.choice(["api", "api", "noapi", "mixed"]))
    full = kind == "admin"
    head = [DECL, f'<Profile xmlns="{NS}">\n']
    for a in sorted(rng.sample(APPS_POOL, rng.randint(3, len(APPS_POOL)))):
        head.append("    <applicationVisibilities>\n"
                    f"        <application>{a}</application>\n"
                    f"        <default>{'true' if a == 'standard__Sales' else 'false'}</default>\n"
                    f"        <visible>{tf(rng, 0.8)}</visible>\n"
                    "    </applicationVisibilities>\n")

    # section budgets; fieldPermissions takes whatever is left so the file hits target exactly
    cls_it = seq(rng, N_CLASSES_POOL, 0.7)
    classes = fill(target * 0.09, lambda k: (
        "    <classAccesses>\n"
        f"        <apexClass>Cls_{next(cls_it) + 1}</apexClass>\n"
        f"        <enabled>{tf(rng, 0.85)}</enabled>\n"
        "    </classAccesses>\n"))
    mid = [f"    <custom>{'false' if kind in ('admin', 'standard') else 'true'}</custom>\n"]
    if rng.random() < 0.5:
        mid.append(f"    <description>{xml_escape(sentence(rng))}</description>\n")

    flow_it = seq(rng, N_FLOWS_POOL, 0.6)
    flows = fill(target * 0.015, lambda k: (
        "    <flowAccesses>\n"
        f"        <enabled>{tf(rng, 0.9)}</enabled>\n"
        f"        <flow>Flow_{next(flow_it) + 1}</flow>\n"
        "    </flowAccesses>\n"))

    def layout(k):
        obj = ALL_OBJECTS[k % len(ALL_OBJECTS)]
        base = obj[:-3] if obj.endswith("__c") else obj
        s = ("    <layoutAssignments>\n"
             f"        <layout>{obj}-{base} Layout</layout>\n"
             "    </layoutAssignments>\n")
        for rt in range(1, RECORD_TYPES_PER_OBJECT + 1):
            if rng.random() < 0.5:
                s += ("    <layoutAssignments>\n"
                      f"        <layout>{obj}-{base} Layout RT{rt}</layout>\n"
                      f"        <recordType>{obj}.RT_{rt}</recordType>\n"
                      "    </layoutAssignments>\n")
        return s
    layouts = fill(target * 0.05, layout)

    ips = []
    if kind != "admin" and rng.random() < 0.3:
        for _ in range(rng.randint(1, 4)):
            a, b = rng.randint(1, 220), rng.randint(0, 255)
            ips.append("    <loginIpRanges>\n"
                       + (f"        <description>Office {a}</description>\n" if rng.random() < 0.5 else "")
                       + f"        <endAddress>{a}.{b}.255.255</endAddress>\n"
                       f"        <startAddress>{a}.{b}.0.0</startAddress>\n"
                       "    </loginIpRanges>\n")

    objs = fill(target * 0.07, lambda k: object_perm(rng, ALL_OBJECTS[k % len(ALL_OBJECTS)], full))
    page_it = seq(rng, N_PAGES_POOL, 0.6)
    pages = fill(target * 0.035, lambda k: (
        "    <pageAccesses>\n"
        f"        <apexPage>Page_{next(page_it) + 1}</apexPage>\n"
        f"        <enabled>{tf(rng, 0.8)}</enabled>\n"
        "    </pageAccesses>\n"))

    def rtv(k):
        obj = ALL_OBJECTS[k % len(ALL_OBJECTS)]
        s = ""
        for rt in range(1, RECORD_TYPES_PER_OBJECT + 1):
            s += ("    <recordTypeVisibilities>\n"
                  f"        <default>{'true' if rt == 1 else 'false'}</default>\n"
                  f"        <recordType>{obj}.RT_{rt}</recordType>\n"
                  f"        <visible>{tf(rng, 0.7)}</visible>\n"
                  "    </recordTypeVisibilities>\n")
        return s
    rtvs = fill(target * 0.03, rtv)
    tabs = fill(min(target * 0.02, 64 * len(ALL_OBJECTS)), lambda k: (
        "    <tabVisibilities>\n"
        f"        <tab>{ALL_OBJECTS[k % len(ALL_OBJECTS)]}</tab>\n"
        f"        <visibility>{rng.choice(['DefaultOn', 'DefaultOff', 'Hidden'])}</visibility>\n"
        "    </tabVisibilities>\n"))
    lic = "    <userLicense>Salesforce</userLicense>\n"
    uperms = user_permissions(rng, kind)
    tail = "</Profile>\n"

    fixed = sum(len(s) for part in (head, classes, mid, flows, layouts, ips, objs, pages, rtvs,
                                     tabs, uperms) for s in part) + len(lic) + len(tail)
    n_fields = len(ALL_OBJECTS) * FIELDS_PER_OBJECT
    field_it = seq(rng, n_fields, 0.75 if not full else 1.0)

    def fp(k):
        idx = next(field_it)
        return field_perm(rng, ALL_OBJECTS[idx // FIELDS_PER_OBJECT], idx % FIELDS_PER_OBJECT + 1)
    fields = fill(max(0, target - fixed), fp)
    return "".join(head + classes + mid + flows + fields + layouts + ips + objs + pages + rtvs +
                   tabs + [lic] + uperms + [tail])


def permset_label(seed, i):
    rng = random.Random(f"{seed}:pslabel:{i}")
    return f"{rng.choice(PS_ADJ)} {rng.choice(PS_NOUN)} {i}"


def permset_xml(i, label, rng):
    target = int(rng.choice([4, 8, 15, 30, 60, 120]) * 1024 * rng.uniform(0.7, 1.3))
    p = [DECL, f'<PermissionSet xmlns="{NS}">\n']
    for a in sorted(rng.sample(APPS_POOL, rng.randint(0, 3))):
        p.append("    <applicationVisibilities>\n"
                 f"        <application>{a}</application>\n"
                 "        <visible>true</visible>\n"
                 "    </applicationVisibilities>\n")
    cls_it = seq(rng, N_CLASSES_POOL, 0.5)
    p += fill(target * 0.1, lambda k: ("    <classAccesses>\n"
                                       f"        <apexClass>Cls_{next(cls_it) + 1}</apexClass>\n"
                                       "        <enabled>true</enabled>\n"
                                       "    </classAccesses>\n"))
    if rng.random() < 0.7:
        p.append(f"    <description>{xml_escape(sentence(rng))}</description>\n")
    n_fields = len(ALL_OBJECTS) * FIELDS_PER_OBJECT
    field_it = seq(rng, n_fields, 0.5)

    def fp(k):
        idx = next(field_it)
        return field_perm(rng, ALL_OBJECTS[idx // FIELDS_PER_OBJECT], idx % FIELDS_PER_OBJECT + 1)
    p += fill(target * 0.7, fp)
    p.append(f"    <hasActivationRequired>{tf(rng, 0.1)}</hasActivationRequired>\n")
    p.append(f"    <label>{xml_escape(label)}</label>\n")
    if rng.random() < 0.3:
        p.append("    <license>Salesforce</license>\n")
    start = rng.randrange(len(ALL_OBJECTS))
    p += fill(target * 0.2, lambda k: object_perm(
        rng, ALL_OBJECTS[(start + k) % len(ALL_OBJECTS)], False))
    perms = sorted(rng.sample(USER_PERMISSIONS, rng.randint(0, 6)))
    if "API" in label and "ApiEnabled" not in perms:
        perms = sorted(perms + ["ApiEnabled"])
    for n in perms:
        p.append("    <userPermissions>\n"
                 "        <enabled>true</enabled>\n"
                 f"        <name>{n}</name>\n"
                 "    </userPermissions>\n")
    p.append("</PermissionSet>\n")
    return "".join(p)


# ---------------------------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------------------------

def settings_files(rng):
    s = {}
    s["MyDomain"] = (DECL + f'<MyDomainSettings xmlns="{NS}">\n'
                     "    <canOnlyLoginWithMyDomainUrl>true</canOnlyLoginWithMyDomainUrl>\n"
                     "    <doesApiLoginRequireOrgDomain>false</doesApiLoginRequireOrgDomain>\n"
                     "    <enableNativeBrowserForAuthOnAndroid>true</enableNativeBrowserForAuthOnAndroid>\n"
                     "    <enableNativeBrowserForAuthOnIos>true</enableNativeBrowserForAuthOnIos>\n"
                     "    <myDomainName>acme-benchmark</myDomainName>\n"
                     "    <useStabilizedMyDomainHostnames>true</useStabilizedMyDomainHostnames>\n"
                     "    <useStabilizedSandboxMyDomainHostnames>true</useStabilizedSandboxMyDomainHostnames>\n"
                     "</MyDomainSettings>\n")
    s["OauthOidc"] = (DECL + f'<OauthOidcSettings xmlns="{NS}">\n'
                      "    <blockOAuthUnPwFlow>false</blockOAuthUnPwFlow>\n"
                      "    <blockOAuthUsrAgtFlow>true</blockOAuthUsrAgtFlow>\n"
                      "    <isPkceRequired>false</isPkceRequired>\n"
                      "    <oAuthCdCrdtFlowEnable>false</oAuthCdCrdtFlowEnable>\n"
                      "</OauthOidcSettings>\n")
    s["ConnectedApp"] = (DECL + f'<ConnectedAppSettings xmlns="{NS}">\n'
                         "    <enableAdminApprovedAppsOnly>false</enableAdminApprovedAppsOnly>\n"
                         "    <enableAdminApprovedAppsOnlyForExternalUser>false"
                         "</enableAdminApprovedAppsOnlyForExternalUser>\n"
                         "    <enableSkipUserProvisioningWizardWelcomePage>true"
                         "</enableSkipUserProvisioningWizardWelcomePage>\n"
                         "</ConnectedAppSettings>\n")
    sec = [DECL, f'<SecuritySettings xmlns="{NS}">\n',
           "    <canUsersGrantLoginAccess>true</canUsersGrantLoginAccess>\n",
           "    <enableAdminLoginAsAnyUser>false</enableAdminLoginAsAnyUser>\n",
           "    <enableAuditFieldsInactiveOwner>false</enableAuditFieldsInactiveOwner>\n",
           "    <networkAccess>\n"]
    for k in range(rng.randint(20, 60)):
        a, b = rng.randint(1, 220), rng.randint(0, 255)
        sec.append("        <ipRanges>\n"
                   f"            <description>Trusted range {k + 1}</description>\n"
                   f"            <end>{a}.{b}.255.255</end>\n"
                   f"            <start>{a}.{b}.0.0</start>\n"
                   "        </ipRanges>\n")
    sec += ["    </networkAccess>\n",
            "    <passwordPolicies>\n"
            "        <apiOnlyUserHomePageURL></apiOnlyUserHomePageURL>\n"
            "        <complexity>SpecialCharacters</complexity>\n"
            "        <enableSetPasswordInApi>false</enableSetPasswordInApi>\n"
            "        <expiration>NinetyDays</expiration>\n"
            "        <historyRestriction>3</historyRestriction>\n"
            "        <lockoutInterval>FifteenMinutes</lockoutInterval>\n"
            "        <maxLoginAttempts>TenAttempts</maxLoginAttempts>\n"
            "        <minimumPasswordLength>12</minimumPasswordLength>\n"
            "        <minimumPasswordLifetime>false</minimumPasswordLifetime>\n"
            "        <obscureSecretAnswer>false</obscureSecretAnswer>\n"
            "        <passwordAssistanceMessage>Contact IT.</passwordAssistanceMessage>\n"
            "        <questionRestriction>DoesNotContainPassword</questionRestriction>\n"
            "    </passwordPolicies>\n",
            "    <sessionSettings>\n"
            "        <allowUserAuthenticationByCertificate>false</allowUserAuthenticationByCertificate>\n"
            "        <canConfirmEmailChangeInLightningCommunities>true</canConfirmEmailChangeInLightningCommunities>\n"
            "        <enableCSPOnEmail>true</enableCSPOnEmail>\n"
            "        <enableCSRFOnGet>true</enableCSRFOnGet>\n"
            "        <enableCSRFOnPost>true</enableCSRFOnPost>\n"
            "        <enableClickjackNonsetupSFDC>true</enableClickjackNonsetupSFDC>\n"
            "        <enableClickjackSetup>true</enableClickjackSetup>\n"
            "        <enforceIpRangesEveryRequest>false</enforceIpRangesEveryRequest>\n"
            "        <forceLogoutOnSessionTimeout>true</forceLogoutOnSessionTimeout>\n"
            "        <forceRelogin>true</forceRelogin>\n"
            "        <hstsOnForcecomSites>true</hstsOnForcecomSites>\n"
            "        <identityConfirmationOnEmailChange>true</identityConfirmationOnEmailChange>\n"
            "        <lockSessionsToDomain>true</lockSessionsToDomain>\n"
            "        <lockSessionsToIp>false</lockSessionsToIp>\n"
            "        <logoutURL></logoutURL>\n"
            "        <redirectionWarning>true</redirectionWarning>\n"
            "        <referrerPolicy>true</referrerPolicy>\n"
            "        <requireHttpOnly>true</requireHttpOnly>\n"
            "        <requireHttps>true</requireHttps>\n"
            "        <securityCentralKillSession>true</securityCentralKillSession>\n"
            "        <sessionTimeout>TwoHours</sessionTimeout>\n"
            "    </sessionSettings>\n",
            "</SecuritySettings>\n"]
    s["Security"] = "".join(sec)
    # other org settings an export contains; calint reads the files (by suffix) and ignores them
    for name, fields in [
        ("Account", ["enableAccountOwnerReport", "enableAccountTeams", "showViewHierarchyLink"]),
        ("Case", ["closeCaseThroughStatusChange", "enableCaseFeed", "enableDraftEmails"]),
        ("Chatter", ["allowRecordsInChatterGroup", "enableChatter", "enableFeedEdit"]),
        ("Lightning", ["enableUsePinnedListsInLightning", "enableUserCanOverrideLightningApps"]),
        ("Opportunity", ["enableFindSimilarOpportunities", "enableOpportunityTeam"]),
        ("Einstein", ["enableEinsteinSearch"]),
        ("Apex", ["enableAggregateCodeCoverageOnly", "enableApexAccessRightsPref"]),
        ("Knowledge", ["enableKnowledge"]),
    ]:
        body = "".join(f"    <{f}>{tf(rng, 0.5)}</{f}>\n" for f in fields)
        s[name] = DECL + f'<{name}Settings xmlns="{NS}">\n' + body + f"</{name}Settings>\n"
    return s


# ---------------------------------------------------------------------------------------------
# Files calint must skip
# ---------------------------------------------------------------------------------------------

def apex_class(i, rng):
    lines = [f"public with sharing class Cls_{i} {{"]
    for m in range(rng.randint(3, 25)):
        lines.append(f"    public static List<Account> method{m}(Set<Id> ids) {{")
        for _ in range(rng.randint(2, 8)):
            lines.append(f"        // {sentence(rng)}")
            lines.append(f"        Integer v{rng.randint(0, 99)} = {rng.randint(0, 9999)};")
        lines.append("        return [SELECT Id, Name FROM Account WHERE Id IN :ids LIMIT 200];")
        lines.append("    }")
    lines.append("}")
    meta = (DECL + f'<ApexClass xmlns="{NS}">\n    <apiVersion>{API_VERSION}</apiVersion>\n'
            "    <status>Active</status>\n</ApexClass>\n")
    return "\n".join(lines) + "\n", meta


def object_files(i, rng):
    obj = f"Obj_{i}__c"
    files = {f"objects/{obj}/{obj}.object-meta.xml": (
        DECL + f'<CustomObject xmlns="{NS}">\n'
        "    <deploymentStatus>Deployed</deploymentStatus>\n"
        "    <enableActivities>true</enableActivities>\n"
        "    <enableHistory>false</enableHistory>\n"
        "    <enableReports>true</enableReports>\n"
        "    <enableSearch>true</enableSearch>\n"
        f"    <label>Obj {i}</label>\n"
        "    <nameField>\n        <label>Name</label>\n        <type>Text</type>\n    </nameField>\n"
        f"    <pluralLabel>Obj {i}s</pluralLabel>\n"
        "    <sharingModel>ReadWrite</sharingModel>\n"
        "</CustomObject>\n")}
    for f in range(1, FIELDS_PER_OBJECT + 1):
        typ, extra = rng.choice([
            ("Text", "    <length>255</length>\n"),
            ("Number", "    <precision>18</precision>\n    <scale>2</scale>\n"),
            ("Checkbox", "    <defaultValue>false</defaultValue>\n"),
            ("Date", ""),
            ("LongTextArea", "    <length>32768</length>\n    <visibleLines>3</visibleLines>\n"),
        ])
        files[f"objects/{obj}/fields/F_{f}__c.field-meta.xml"] = (
            DECL + f'<CustomField xmlns="{NS}">\n'
            f"    <fullName>F_{f}__c</fullName>\n"
            f"    <description>{xml_escape(sentence(rng))}</description>\n"
            "    <externalId>false</externalId>\n"
            f"    <label>F {f}</label>\n" + extra +
            f"    <required>false</required>\n    <trackHistory>false</trackHistory>\n"
            f"    <type>{typ}</type>\n"
            "</CustomField>\n")
    return files


def lwc_files(i, rng):
    name = f"cmp{i}"
    js = ["import { LightningElement, api, wire } from 'lwc';",
          f"import getData from '@salesforce/apex/Cls_{rng.randint(1, 500)}.method0';", "",
          f"export default class Cmp{i} extends LightningElement {{",
          "    @api recordId;"]
    for k in range(rng.randint(3, 30)):
        js.append(f"    handler{k}(event) {{ /* {sentence(rng)} */ this.value{k} = event.detail; }}")
    js.append("}")
    html = ("<template>\n    <lightning-card title=\"Cmp " + str(i) + "\">\n" +
            "".join(f"        <p>{{value{k}}}</p>\n" for k in range(rng.randint(2, 10))) +
            "    </lightning-card>\n</template>\n")
    meta = (DECL + f'<LightningComponentBundle xmlns="{NS}">\n    <apiVersion>{API_VERSION}</apiVersion>\n'
            "    <isExposed>true</isExposed>\n</LightningComponentBundle>\n")
    return {f"lwc/{name}/{name}.js": "\n".join(js) + "\n",
            f"lwc/{name}/{name}.html": html,
            f"lwc/{name}/{name}.js-meta.xml": meta}


def static_resource(i, rng):
    size = int(rng.choice([2, 8, 30, 90, 200]) * 1024 * rng.uniform(0.6, 1.4))
    data = rng.randbytes(size)
    ctype = rng.choice(["application/zip", "application/octet-stream", "image/png"])
    meta = (DECL + f'<StaticResource xmlns="{NS}">\n    <cacheControl>Public</cacheControl>\n'
            f"    <contentType>{ctype}</contentType>\n</StaticResource>\n")
    return data, meta


# ---------------------------------------------------------------------------------------------

# ---------------------------------------------------------------------------------------------
# The "findings" shape: an export with many permission sets, many findings, broken files,
# near-miss assignments and External Client Apps. Nothing above this line changes for it, so
# the "clean" shape stays byte-identical.
# ---------------------------------------------------------------------------------------------

REGIONS = ["", "EMEA", "APAC", "NA", "LATAM"]
APP_VARIANTS = ["", "Sandbox", "Prod", "EU", "US", "v2", "Legacy", "Mobile"]
PROFILE_ROLES = [
    "Sales Manager", "Sales Rep", "Support Agent", "Support Manager", "Integration User",
    "Integration/API Only", "Partner Community User", "Customer Community User", "Finance",
    "Marketing", "Read Only", "Contract Manager", "Field Technician", "Executive", "Analyst",
    "Developer", "Release Manager", "Auditor", "Service Desk", "Operations",
]
# standard profiles: file name -> display name (the names calint knows, see profile_display_name)
STANDARD_PROFILES = [
    ("Admin", "System Administrator"), ("Standard", "Standard User"), ("ReadOnly", "Read Only"),
    ("SolutionManager", "Solution Manager"), ("MarketingProfile", "Marketing User"),
    ("ContractManager", "Contract Manager"), ("StandardAul", "Standard Platform User"),
]
UNRELATED_ASSIGNMENTS = [
    "Contractors", "Temporary Users", "Deleted Profile", "Retired Access", "Old Integration",
    "Test Users", "Migration Only", "Do Not Use", "Partner Admins (old)", "Guest Access",
]
GOOD_SCOPES = ["Api", "RefreshToken", "OpenID", "Profile", "Email", "Web", "Chatter",
               "CustomPermissions", "Lightning", "Visualforce", "Content", "Address", "Phone"]
GOOD_SCOPE_WEIGHTS = [14, 10, 6, 3, 3, 3, 2, 1, 1, 1, 1, 1, 1]
CA_PERMS = ["ManageRemoteAccess", "ViewClientSecret", "CanApproveUninstalledApps"]

# Problems a "findings" Connected App carries (one to three of them), with their weights. The
# rule each should raise is in the comment; "http" raises none (calint has no callback rule).
APP_PROBLEMS = {
    "full": 3,          # CA101 Full scope
    "self": 4,          # CA103 self-authorize (isAdminApproved false or absent)
    "infinite": 4,      # CA301 RefreshToken scope with refreshTokenPolicy infinite
    "long_refresh": 2,  # CA302 refresh token lifetime or idle limit beyond the policy
    "bypass": 3,        # CA202 ipRelaxation BYPASS
    "relaxed": 2,       # CA203 BYPASS_2FACTOR / ENFORCE_RELAXREFRESH
    "ip_unset": 1,      # CA201 no ipRelaxation
    "http": 2,          # plain-http callback URL
    "secret": 1,        # CA401 consumerSecret in the file
    "unassigned": 1,    # CA104 admin-approved without any profile or permission set
}
P_UNKNOWN = 0.55        # chance that a findings app also has near-miss / unrelated assignments

# Fractions of the files calint reads that are broken, and how.
BROKEN_FRACTION = {"apps": 0.10, "permsets": 0.33, "profiles": 0.25, "eca": 0.10}
BREAKS = {
    # kind: weight, for (apps, eca sub-files, profiles, permission sets)
    "truncated": (3, 2, 6, 5),       # cut short (an interrupted retrieve or copy)
    "conflict": (2, 1, 2, 2),        # git merge-conflict markers
    "wrong_root": (1, 1, 1, 1),      # the root element of another type
    "unescaped_lt": (1, 1, 1, 1),    # a bare '<' in a text value
    "non_xml": (1, 1, 1, 1),         # empty, binary, JSON or an HTML error page
    "bad_value": (3, 4, 0, 0),       # a boolean or closed value calint does not accept
}
BAD_BOOLEANS = ["yes", "True", "TRUE", "Y", "enabled", "ture", "fasle", "no", "0.0"]


def f_scale_counts(size_mb):
    s = size_mb / 500.0
    return {
        "apps": max(12, round(2000 * s)),
        "ecas": max(3, round(36 * s)),
        "profiles": max(len(STANDARD_PROFILES) + 3, round(400 * s)),
        "permsets": max(12, round(2000 * s)),
        "classes": max(10, round(1500 * s)),
        "triggers": max(2, round(150 * s)),
        "objects": max(2, min(N_CUSTOM_OBJECTS, round(100 * s))),
        "lwc": max(3, round(300 * s)),
        "flows": max(3, round(700 * s)),
        "layouts": max(3, round(700 * s)),
        "resources": max(2, round(100 * s)),
    }


def unique_names(rng, parts, n, join):
    """n distinct names from the product of parts (shuffled); numbered rounds when it runs out."""
    combos = [()]
    for p in parts:
        combos = [c + (x,) for c in combos for x in p]
    rng.shuffle(combos)
    out = []
    for k in range(n):
        name = join([x for x in combos[k % len(combos)] if x])
        if k >= len(combos):
            name = join([name, str(k // len(combos) + 1)])
        out.append(name)
    return out


def typo(rng, name):
    """One keyboard slip: two letters swapped, one dropped or one doubled."""
    idx = [k for k, ch in enumerate(name) if ch.isalpha()]
    k = rng.choice(idx[1:-1] or idx)
    how = rng.choice(["swap", "drop", "double"])
    if how == "swap" and k + 1 < len(name) and name[k + 1].isalpha() and name[k] != name[k + 1]:
        return name[:k] + name[k + 1] + name[k] + name[k + 2:]
    if how == "double":
        return name[:k] + name[k] + name[k:]
    return name[:k] + name[k + 1:]


def near_miss(rng, name, known_lower, strict=False):
    """A name close to `name` that is not in the export: a typo, a missing word, a plural, a
    suffix; unless strict, also a case change or an API-name spelling, which may resolve (calint
    compares case-insensitively and accepts a permission set's API name)."""
    words = name.split(" ")
    kinds = ["typo", "typo", "typo", "plural", "suffix"] + ([] if strict else ["case", "api_name"])
    if len(words) > 2:
        kinds += ["missing_word", "missing_word"]
    kind = rng.choice(kinds)
    if kind == "case":
        out = rng.choice([name.lower(), name.upper(), name[0].lower() + name[1:]])
    elif kind == "api_name":
        out = name.replace(" ", "_").replace("/", "_")
    elif kind == "missing_word":
        drop = rng.randrange(1, len(words))
        out = " ".join(words[:drop] + words[drop + 1:])
    elif kind == "plural":
        out = name[:-1] if name.endswith("s") else name + "s"
    elif kind == "suffix":
        out = name + rng.choice([" (old)", " Copy", " 2", " - Legacy"])
    else:
        out = typo(rng, name)
    if kind in ("case", "api_name") or out.lower() not in known_lower:
        return out
    return typo(rng, name) + "x"


def f_callbacks(rng, host, company, http):
    pool = [f"https://{host}/oauth/callback", f"https://{host}/auth/salesforce/callback",
            f"https://login.{company.lower()}.example.com/sso/sfdc",
            "https://login.salesforce.com/services/oauth2/success", f"{company.lower()}app://oauth/done"]
    urls = [pool[0] if rng.random() < 0.7 else rng.choice(pool[:4])]
    for u in rng.sample(pool, rng.choice([0, 0, 0, 1, 2])):
        if u not in urls:
            urls.append(u)
    if http:
        bad = rng.choice([f"http://{host}/callback", "http://localhost:1717/OauthRedirect",
                          f"http://{host}:8080/oauth2/callback"])
        urls.insert(rng.randrange(len(urls) + 1), bad)
    return urls


def f_connected_app(label, company, product, rng, problems, profiles, permsets):
    """A Connected App in the order a retrieve writes its elements. problems: set of
    APP_PROBLEMS keys; profiles / permsets: the profileName / permissionSetName values."""
    host = f"{product.lower()}.{company.lower()}.example.com"
    p = [DECL, f'<ConnectedApp xmlns="{NS}">\n']
    p.append(f"    <contactEmail>{rng.choice(['admin', 'it-ops', 'security', 'integration'])}"
             f"@{company.lower()}.example.com</contactEmail>\n")
    if rng.random() < 0.7:
        p.append(f"    <description>{company} {product}: {xml_escape(sentence(rng))}</description>\n")
    if rng.random() < 0.2:
        p.append(f"    <infoUrl>https://www.{company.lower()}.example.com/{product.lower()}</infoUrl>\n")
    if rng.random() < 0.1:
        a, b = rng.randint(1, 220), rng.randint(0, 255)
        p.append("    <ipRanges>\n"
                 f"        <description>{company} egress</description>\n"
                 f"        <end>{a}.{b}.0.255</end>\n"
                 f"        <start>{a}.{b}.0.0</start>\n"
                 "    </ipRanges>\n")
    p.append(f"    <label>{xml_escape(label)}</label>\n")
    saml_only = not problems and rng.random() < 0.03
    if not saml_only:
        p.append("    <oauthConfig>\n")
        p.append("        <callbackUrl>" + "\n".join(f_callbacks(rng, host, company, "http" in problems))
                 + "</callbackUrl>\n")
        if rng.random() < 0.3:
            p.append("        <certificate>" + b64_block(rng, 960, width=0) + "</certificate>\n")
        p.append(f"        <consumerKey>{consumer_key(rng)}</consumerKey>\n")
        if "secret" in problems:
            p.append("        <consumerSecret>" + "".join(rng.choices("0123456789ABCDEF", k=64))
                     + "</consumerSecret>\n")
        if "self" in problems:
            if rng.random() < 0.7:
                p.append("        <isAdminApproved>false</isAdminApproved>\n")
        else:
            p.append("        <isAdminApproved>true</isAdminApproved>\n")
        p.append("        <isClientCredentialEnabled>false</isClientCredentialEnabled>\n"
                 "        <isCodeCredentialEnabled>false</isCodeCredentialEnabled>\n"
                 "        <isCodeCredentialPostOnly>false</isCodeCredentialPostOnly>\n")
        p.append(f"        <isConsumerSecretOptional>{'true' if problems and rng.random() < 0.3 else 'false'}"
                 "</isConsumerSecretOptional>\n")
        p.append("        <isIntrospectAllTokens>false</isIntrospectAllTokens>\n"
                 "        <isNamedUserJwtEnabled>false</isNamedUserJwtEnabled>\n")
        p.append(f"        <isPkceRequired>{'false' if problems and rng.random() < 0.5 else 'true'}"
                 "</isPkceRequired>\n")
        p.append(f"        <isRefreshTokenRotationEnabled>{tf(rng, 0.3)}</isRefreshTokenRotationEnabled>\n"
                 "        <isSecretRequiredForRefreshToken>true</isSecretRequiredForRefreshToken>\n"
                 "        <isSecretRequiredForTokenExchange>false</isSecretRequiredForTokenExchange>\n"
                 "        <isTokenExchangeEnabled>false</isTokenExchangeEnabled>\n")
        scopes = set(rng.choices(GOOD_SCOPES, GOOD_SCOPE_WEIGHTS, k=rng.randint(1, 4)))
        if "infinite" in problems or "long_refresh" in problems:
            scopes.add(rng.choice(["RefreshToken", "RefreshToken", "OfflineAccess"]))
        if "full" in problems:
            scopes.add("Full")
        for s in sorted(scopes, key=SCOPES.index):
            p.append(f"        <scopes>{s}</scopes>\n")
        p.append("    </oauthConfig>\n")

        p.append("    <oauthPolicy>\n")
        if "bypass" in problems:
            p.append("        <ipRelaxation>BYPASS</ipRelaxation>\n")
        elif "relaxed" in problems:
            p.append(f"        <ipRelaxation>{rng.choice(['BYPASS_2FACTOR', 'ENFORCE_RELAXREFRESH'])}"
                     "</ipRelaxation>\n")
        elif "ip_unset" not in problems:
            p.append("        <ipRelaxation>ENFORCE</ipRelaxation>\n")
        p.append("        <isTokenExchangeFlowEnabled>false</isTokenExchangeFlowEnabled>\n")
        if "infinite" in problems:
            policy = "infinite"
        elif "long_refresh" in problems:
            policy = rng.choice(["specific_lifetime:365:DAYS", "specific_lifetime:12:MONTHS",
                                 "specific_inactivity:90:DAYS", "specific_inactivity:6:MONTHS"])
        else:
            policy = rng.choices(["specific_inactivity:30:DAYS", "specific_inactivity:7:DAYS",
                                  "specific_lifetime:90:DAYS", "zero"], [6, 1, 2, 1])[0]
        p.append(f"        <refreshTokenPolicy>{policy}</refreshTokenPolicy>\n")
        p.append("    </oauthPolicy>\n")
    for s in permsets:
        p.append(f"    <permissionSetName>{xml_escape(s)}</permissionSetName>\n")
    for s in profiles:
        p.append(f"    <profileName>{xml_escape(s)}</profileName>\n")
    if saml_only:
        p.append("    <samlConfig>\n"
                 f"        <acsUrl>https://{host}/saml/acs</acsUrl>\n"
                 "        <certificate>SelfSignedCert_28Apr2023</certificate>\n"
                 f"        <entityUrl>https://{host}</entityUrl>\n"
                 f"        <issuer>https://{company.lower()}.my.salesforce.com</issuer>\n"
                 "        <samlNameIdFormat>EmailAddress</samlNameIdFormat>\n"
                 "        <samlSigningAlgoType>SHA256</samlSigningAlgoType>\n"
                 "        <samlSubjectType>Username</samlSubjectType>\n"
                 "    </samlConfig>\n")
    if rng.random() < 0.3:
        p.append("    <sessionPolicy>\n"
                 f"        <sessionTimeout>{rng.choice([15, 30, 60, 120])}</sessionTimeout>\n"
                 "    </sessionPolicy>\n")
    if rng.random() < 0.2:
        p.append(f"    <startUrl>https://{host}/start</startUrl>\n")
    p.append("</ConnectedApp>\n")
    return "".join(p)


def f_permset_xml(label, target, rng):
    """A permission set of about target bytes, elements in retrieve order."""
    p = [DECL, f'<PermissionSet xmlns="{NS}">\n']
    for a in sorted(rng.sample(APPS_POOL, rng.randint(0, 3))):
        p.append("    <applicationVisibilities>\n"
                 f"        <application>{a}</application>\n"
                 "        <visible>true</visible>\n"
                 "    </applicationVisibilities>\n")
    cls_it = seq(rng, N_CLASSES_POOL, 0.5)
    p += fill(target * 0.08, lambda k: ("    <classAccesses>\n"
                                        f"        <apexClass>Cls_{next(cls_it) + 1}</apexClass>\n"
                                        "        <enabled>true</enabled>\n"
                                        "    </classAccesses>\n"))
    for k in sorted(rng.sample(range(1, 60), rng.randint(0, 4))):
        p.append("    <customPermissions>\n"
                 "        <enabled>true</enabled>\n"
                 f"        <name>CP_{k}</name>\n"
                 "    </customPermissions>\n")
    if rng.random() < 0.7:
        p.append(f"    <description>{xml_escape(sentence(rng))}</description>\n")
    n_fields = len(ALL_OBJECTS) * FIELDS_PER_OBJECT
    field_it = seq(rng, n_fields, 0.5)

    def fp(k):
        idx = next(field_it)
        return field_perm(rng, ALL_OBJECTS[idx // FIELDS_PER_OBJECT], idx % FIELDS_PER_OBJECT + 1)
    p += fill(target * 0.65, fp)
    flow_it = seq(rng, N_FLOWS_POOL, 0.5)
    p += fill(target * 0.02, lambda k: ("    <flowAccesses>\n"
                                        "        <enabled>true</enabled>\n"
                                        f"        <flow>Flow_{next(flow_it) + 1}</flow>\n"
                                        "    </flowAccesses>\n"))
    p.append(f"    <hasActivationRequired>{tf(rng, 0.1)}</hasActivationRequired>\n")
    p.append(f"    <label>{xml_escape(label)}</label>\n")
    if rng.random() < 0.3:
        p.append(f"    <license>{rng.choice(['Salesforce', 'Salesforce Platform', 'Salesforce Integration'])}"
                 "</license>\n")
    start = rng.randrange(len(ALL_OBJECTS))

    def op(k):
        s = object_perm(rng, ALL_OBJECTS[(start + k) % len(ALL_OBJECTS)], False)
        return s.replace("        <viewAllRecords>", f"        <viewAllFields>{tf(rng, 0.05)}</viewAllFields>\n"
                         "        <viewAllRecords>", 1)
    p += fill(target * 0.18, op)
    page_it = seq(rng, N_PAGES_POOL, 0.5)
    p += fill(target * 0.03, lambda k: ("    <pageAccesses>\n"
                                        f"        <apexPage>Page_{next(page_it) + 1}</apexPage>\n"
                                        "        <enabled>true</enabled>\n"
                                        "    </pageAccesses>\n"))
    rstart = rng.randrange(len(ALL_OBJECTS))
    p += fill(target * 0.02, lambda k: ("    <recordTypeVisibilities>\n"
                                        f"        <recordType>{ALL_OBJECTS[(rstart + k) % len(ALL_OBJECTS)]}"
                                        f".RT_{k % RECORD_TYPES_PER_OBJECT + 1}</recordType>\n"
                                        f"        <visible>{tf(rng, 0.8)}</visible>\n"
                                        "    </recordTypeVisibilities>\n"))
    tstart = rng.randrange(len(ALL_OBJECTS))
    p += fill(target * 0.02, lambda k: ("    <tabSettings>\n"
                                        f"        <tab>{ALL_OBJECTS[(tstart + k) % len(ALL_OBJECTS)]}</tab>\n"
                                        f"        <visibility>{rng.choice(['Available', 'Visible'])}</visibility>\n"
                                        "    </tabSettings>\n"))
    perms = set(rng.sample(USER_PERMISSIONS, rng.randint(0, 8)))
    if "API" in label or "Integration" in label:
        perms.add("ApiEnabled")
    if rng.random() < 0.05:
        perms.add(rng.choice(CA_PERMS))
    for n in sorted(perms):
        p.append("    <userPermissions>\n"
                 "        <enabled>true</enabled>\n"
                 f"        <name>{n}</name>\n"
                 "    </userPermissions>\n")
    p.append("</PermissionSet>\n")
    return "".join(p)


def f_eca_files(name, label, company, rng, problems, permsets, profiles, org_id):
    """The four files of one External Client App (and an .ecaPlcy for some), as (rel, text, root)."""
    host = f"{name.lower().replace('_', '-')}.{company.lower()}.example.com"
    out = []
    out.append((f"externalClientApps/{name}.eca-meta.xml", "ExternalClientApplication",
                DECL + f'<ExternalClientApplication xmlns="{NS}">\n'
                f"    <contactEmail>it@{company.lower()}.example.com</contactEmail>\n"
                f"    <description>{xml_escape(sentence(rng))}</description>\n"
                "    <distributionState>Local</distributionState>\n"
                f"    <isProtected>false</isProtected>\n"
                f"    <label>{xml_escape(label)}</label>\n"
                f"    <orgScopedExternalApp>{org_id}:{name}</orgScopedExternalApp>\n"
                "</ExternalClientApplication>\n"))
    scopes = ["Api"] + [s for s in ["RefreshToken", "OpenID", "Profile"] if rng.random() < 0.5]
    if "full" in problems:
        scopes.append("Full")
    if "infinite" in problems and "RefreshToken" not in scopes:
        scopes.append("RefreshToken")
    ranges = ""
    if rng.random() < 0.3:
        a = rng.randint(1, 220)
        ranges = ("    <trustedIpRanges>\n"
                  f"        <description>{company} gateway</description>\n"
                  f"        <endIpAddress>{a}.51.100.30</endIpAddress>\n"
                  f"        <startIpAddress>{a}.51.100.16</startIpAddress>\n"
                  "    </trustedIpRanges>\n")
    out.append((f"extlClntAppOauthSettings/{name}_oauth.ecaOauth-meta.xml", "ExtlClntAppOauthSettings",
                DECL + f'<ExtlClntAppOauthSettings xmlns="{NS}">\n'
                f"    <commaSeparatedOauthScopes>{', '.join(scopes)}</commaSeparatedOauthScopes>\n"
                f"    <externalClientApplication>{name}</externalClientApplication>\n"
                "    <isFirstPartyAppEnabled>false</isFirstPartyAppEnabled>\n"
                f"    <label>{name}_oauth</label>\n"
                f"    <oauthLink>{org_id}:8888c{rng.randrange(10**9):09d}</oauthLink>\n"
                + ranges + "</ExtlClntAppOauthSettings>\n"))
    device = "device" in problems
    out.append((f"extlClntAppGlobalOauthSets/{name}_glbloauth.ecaGlblOauth-meta.xml",
                "ExtlClntAppGlobalOauthSettings",
                DECL + f'<ExtlClntAppGlobalOauthSettings xmlns="{NS}">\n'
                f"    <callbackUrl>https://{host}/auth/salesforce/callback</callbackUrl>\n"
                f"    <consumerKey>{consumer_key(rng)}</consumerKey>\n"
                f"    <externalClientApplication>{name}</externalClientApplication>\n"
                "    <isClientCredentialsFlowEnabled>false</isClientCredentialsFlowEnabled>\n"
                "    <isCodeCredFlowEnabled>false</isCodeCredFlowEnabled>\n"
                "    <isCodeCredPostOnly>false</isCodeCredPostOnly>\n"
                f"    <isConsumerSecretOptional>{'true' if device else 'false'}</isConsumerSecretOptional>\n"
                f"    <isDeviceFlowEnabled>{'true' if device else 'false'}</isDeviceFlowEnabled>\n"
                "    <isIntrospectAllTokens>false</isIntrospectAllTokens>\n"
                "    <isNamedUserJwtEnabled>false</isNamedUserJwtEnabled>\n"
                f"    <isPkceRequired>{'false' if device else 'true'}</isPkceRequired>\n"
                f"    <isRefreshTokenRotationEnabled>{tf(rng, 0.6)}</isRefreshTokenRotationEnabled>\n"
                "    <isSecretRequiredForRefreshToken>true</isSecretRequiredForRefreshToken>\n"
                "    <isSecretRequiredForTokenExchange>true</isSecretRequiredForTokenExchange>\n"
                "    <isTokenExchangeEnabled>false</isTokenExchangeEnabled>\n"
                f"    <label>{name}_glbloauth</label>\n"
                "    <shouldRotateConsumerKey>false</shouldRotateConsumerKey>\n"
                "    <shouldRotateConsumerSecret>false</shouldRotateConsumerSecret>\n"
                "</ExtlClntAppGlobalOauthSettings>\n"))
    pol = [DECL, f'<ExtlClntAppOauthConfigurablePolicies xmlns="{NS}">\n']
    if permsets:
        pol.append(f"    <commaSeparatedPermissionSet>{xml_escape(', '.join(permsets))}"
                   "</commaSeparatedPermissionSet>\n")
    if profiles:
        pol.append(f"    <commaSeparatedProfile>{xml_escape(', '.join(profiles))}</commaSeparatedProfile>\n")
    pol.append(f"    <externalClientApplication>{name}</externalClientApplication>\n")
    ip = "Bypass" if "bypass" in problems else "Enforce"
    pol.append(f"    <ipRelaxationPolicyType>{ip}</ipRelaxationPolicyType>\n"
               "    <isClientCredentialsFlowEnabled>false</isClientCredentialsFlowEnabled>\n"
               "    <isGuestCodeCredFlowEnabled>false</isGuestCodeCredFlowEnabled>\n"
               "    <isTokenExchangeFlowEnabled>false</isTokenExchangeFlowEnabled>\n"
               f"    <label>{name}_oauthPlcy</label>\n")
    who = "AllSelfAuthorized" if "self" in problems else "AdminApprovedPreAuthorized"
    pol.append(f"    <permittedUsersPolicyType>{who}</permittedUsersPolicyType>\n")
    if "infinite" in problems:
        pol.append("    <refreshTokenPolicyType>Infinite</refreshTokenPolicyType>\n")
    else:
        kind, n = rng.choice([("SpecificInactivity", 30), ("SpecificLifetime", 90), ("SpecificInactivity", 7)])
        pol.append(f"    <refreshTokenPolicyType>{kind}</refreshTokenPolicyType>\n"
                   f"    <refreshTokenValidityPeriod>{n}</refreshTokenValidityPeriod>\n"
                   "    <refreshTokenValidityUnit>Days</refreshTokenValidityUnit>\n")
    pol.append("    <requiredSessionLevel>STANDARD</requiredSessionLevel>\n"
               "</ExtlClntAppOauthConfigurablePolicies>\n")
    out.append((f"extlClntAppOauthPolicies/{name}_oauthPlcy.ecaOauthPlcy-meta.xml",
                "ExtlClntAppOauthConfigurablePolicies", "".join(pol)))
    if rng.random() < 0.5:
        out.append((f"extlClntAppPolicies/{name}_plcy.ecaPlcy-meta.xml", "ExtlClntAppConfigurablePolicies",
                    DECL + f'<ExtlClntAppConfigurablePolicies xmlns="{NS}">\n'
                    f"    <externalClientApplication>{name}</externalClientApplication>\n"
                    "    <isEnabled>true</isEnabled>\n"
                    "    <isOauthPluginEnabled>true</isOauthPluginEnabled>\n"
                    f"    <label>{name}_plcy</label>\n"
                    "    <startPage>None</startPage>\n"
                    "</ExtlClntAppConfigurablePolicies>\n"))
    return out


WRONG_ROOTS = {
    "ConnectedApp": ["ConnectedAppSettings", "CustomApplication", "ExternalClientApplication"],
    "Profile": ["PermissionSet", "PermissionSetGroup", "CustomObject"],
    "PermissionSet": ["Profile", "PermissionSetGroup", "MutingPermissionSet"],
    "ExternalClientApplication": ["ConnectedApp"],
    "ExtlClntAppOauthSettings": ["ExtlClntAppGlobalOauthSettings"],
    "ExtlClntAppGlobalOauthSettings": ["ExtlClntAppOauthSettings"],
    "ExtlClntAppOauthConfigurablePolicies": ["ExtlClntAppConfigurablePolicies"],
    "ExtlClntAppConfigurablePolicies": ["ExtlClntAppOauthConfigurablePolicies"],
}


def break_file(text, root, kind, rng, keep=None):
    """Returns the bytes of a broken copy of text (a metadata file whose root element is root).
    keep: for "truncated", the fraction of text kept (default: random, 0.2 .. 0.97)."""
    if kind == "truncated":
        return text[:int(len(text) * (keep or rng.uniform(0.2, 0.97)))].encode("utf-8")
    if kind == "conflict":
        lines = text.split("\n")
        k = rng.randrange(2, max(3, len(lines) - 2))
        theirs = lines[k].replace("true", "false") if "true" in lines[k] else lines[k] + "<!-- updated -->"
        lines[k:k + 1] = ["<<<<<<< HEAD", lines[k], "=======", theirs,
                          f">>>>>>> {rng.choice(['origin/main', 'feature/oauth-cleanup', 'release/24.2'])}"]
        return "\n".join(lines).encode("utf-8")
    if kind == "wrong_root":
        other = rng.choice(WRONG_ROOTS.get(root, ["CustomObject"]))
        return (text.replace(f"<{root} ", f"<{other} ", 1).replace(f"</{root}>", f"</{other}>")
                .encode("utf-8"))
    if kind == "unescaped_lt":
        open_end = text.index(">", text.index(f"<{root} ")) + 1
        note = rng.choice(["Limit: batch size < 200 per call", "Only for users with level <3",
                           "Replaces <old> integration", "Use when count<10"])
        return (text[:open_end] + f"\n    <description>{note}</description>" + text[open_end:]).encode("utf-8")
    if kind == "non_xml":
        form = rng.choice(["empty", "binary", "json", "html"])
        if form == "empty":
            return b""
        if form == "binary":  # as large as the file it replaces
            return b"PK\x03\x04" + rng.randbytes(max(200, len(text) - 4))
        if form == "json":
            return (json.dumps({"status": "Failed", "errorCode": "INVALID_SESSION_ID",
                                "message": "Session expired or invalid", "fullName": root}, indent=2)
                    + "\n").encode("utf-8")
        return ("<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title>\n"
                "<meta charset=\"utf-8\">\n</head>\n<body>\n<h1>502 Bad Gateway</h1>\n<hr><p>nginx</p>\n"
                "</body>\n</html>\n").encode("utf-8")
    if kind == "bad_value":
        closed = [("<isAdminApproved>", "boolean"), ("<isPkceRequired>", "boolean"),
                  ("<isDeviceFlowEnabled>", "boolean"), ("<isFirstPartyAppEnabled>", "boolean"),
                  ("<isEnabled>", "boolean"), ("<isProtected>", "boolean"),
                  ("<isClientCredentialsFlowEnabled>", "boolean"), ("<isConsumerSecretOptional>", "boolean"),
                  ("<ipRelaxation>", "RELAXED"), ("<refreshTokenPolicy>", "never"),
                  ("<permittedUsersPolicyType>", "AllUsers"), ("<ipRelaxationPolicyType>", "Relax")]
        present = [(tag, v) for tag, v in closed if tag in text]
        if present:
            tag, v = rng.choice(present)
            start = text.index(tag) + len(tag)
            end = text.index("<", start)
            v = rng.choice(BAD_BOOLEANS) if v == "boolean" else v
            return (text[:start] + v + text[end:]).encode("utf-8")
        return break_file(text, root, "truncated", rng)
    raise ValueError(kind)


def choose_break(rng, column):
    kinds = list(BREAKS)
    return rng.choices(kinds, [BREAKS[k][column] for k in kinds])[0]


def f_settings(rng):
    s = settings_files(rng)
    # an org that does not enforce My Domain login (CA502), with External Client Apps turned on
    s["MyDomain"] = s["MyDomain"].replace("<canOnlyLoginWithMyDomainUrl>true<",
                                          "<canOnlyLoginWithMyDomainUrl>false<")
    s["ExternalClientApp"] = (DECL + f'<ExternalClientAppSettings xmlns="{NS}">\n'
                              "    <enableExternalClientAppsAccessUsingRefreshToken>true"
                              "</enableExternalClientAppsAccessUsingRefreshToken>\n"
                              "    <enableExternalClientApps>true</enableExternalClientApps>\n"
                              "</ExternalClientAppSettings>\n")
    return s


def apex_trigger(i, rng):
    obj = rng.choice(STANDARD_OBJECTS[:10])
    body = [f"trigger Trg_{i} on {obj} (before insert, before update, after update) {{"]
    for _ in range(rng.randint(3, 30)):
        body.append(f"    // {sentence(rng)}")
        body.append(f"    if (Trigger.isBefore) {{ Cls_{rng.randint(1, 500)}.method0(Trigger.newMap.keySet()); }}")
    body.append("}")
    meta = (DECL + f'<ApexTrigger xmlns="{NS}">\n    <apiVersion>{API_VERSION}</apiVersion>\n'
            "    <status>Active</status>\n</ApexTrigger>\n")
    return "\n".join(body) + "\n", meta


def flow_xml(i, rng):
    p = [DECL, f'<Flow xmlns="{NS}">\n', f"    <apiVersion>{API_VERSION}</apiVersion>\n"]
    n = rng.randint(4, 60)
    for k in range(n):
        p.append("    <assignments>\n"
                 f"        <name>Assign_{k}</name>\n"
                 f"        <label>{xml_escape(sentence(rng, 2, 5))}</label>\n"
                 f"        <locationX>{rng.randint(0, 1200)}</locationX>\n"
                 f"        <locationY>{rng.randint(0, 3000)}</locationY>\n"
                 "        <assignmentItems>\n"
                 f"            <assignToReference>var_{k}</assignToReference>\n"
                 "            <operator>Assign</operator>\n"
                 f"            <value><stringValue>{rng.choice(WORDS)}</stringValue></value>\n"
                 "        </assignmentItems>\n"
                 f"        <connector><targetReference>Assign_{k + 1}</targetReference></connector>\n"
                 "    </assignments>\n")
    p.append(f"    <label>Flow {i}</label>\n"
             "    <processType>AutoLaunchedFlow</processType>\n"
             "    <status>Active</status>\n"
             "</Flow>\n")
    return "".join(p)


def layout_xml(obj, rng):
    p = [DECL, f'<Layout xmlns="{NS}">\n']
    for sec in range(rng.randint(1, 5)):
        p.append("    <layoutSections>\n"
                 "        <customLabel>true</customLabel>\n"
                 "        <detailHeading>true</detailHeading>\n"
                 "        <editHeading>true</editHeading>\n"
                 f"        <label>Section {sec + 1}</label>\n"
                 "        <layoutColumns>\n")
        for _ in range(rng.randint(2, 14)):
            p.append("            <layoutItems>\n"
                     f"                <behavior>{rng.choice(['Edit', 'Readonly', 'Required'])}</behavior>\n"
                     f"                <field>F_{rng.randint(1, FIELDS_PER_OBJECT)}__c</field>\n"
                     "            </layoutItems>\n")
        p.append("        </layoutColumns>\n"
                 "        <style>TwoColumnsTopToBottom</style>\n"
                 "    </layoutSections>\n")
    p.append("    <showHighlightsPanel>true</showHighlightsPanel>\n"
             "    <showInteractionLogPanel>false</showInteractionLogPanel>\n"
             "</Layout>\n")
    return "".join(p)


def generate_findings(w, seed, size_mb):
    """The findings shape; returns a dict of counts for the summary."""
    target = int(size_mb * MIB)
    n = f_scale_counts(size_mb)
    stats = Counter()
    org_id = "00D5g000004XyZa"

    # names: permission sets (label -> API name), profiles (file -> display name), apps, ECAs
    ps_labels = unique_names(random.Random(f"{seed}:f:pslabels"),
                             [COMPANIES, PS_ADJ, PS_NOUN, REGIONS], n["permsets"], " ".join)
    ps_files = [lab.replace(" ", "_") for lab in ps_labels]
    n_custom = n["profiles"] - len(STANDARD_PROFILES)
    custom = unique_names(random.Random(f"{seed}:f:profiles"), [COMPANIES, PROFILE_ROLES, REGIONS],
                          n_custom, " ".join)
    prof_display = [d for _, d in STANDARD_PROFILES] + custom
    prof_files = [f for f, _ in STANDARD_PROFILES] + [c.replace("/", "%2F") for c in custom]
    app_names = unique_names(random.Random(f"{seed}:f:apps"), [COMPANIES, PRODUCTS, APP_VARIANTS],
                             n["apps"], "_".join)
    eca_names = unique_names(random.Random(f"{seed}:f:ecas"), [COMPANIES, PRODUCTS, ["Portal", "Ext"]],
                             n["ecas"], "_".join)
    known = {x.lower() for x in ps_labels + ps_files + prof_display + prof_files}

    # which files are broken, which apps carry findings
    brng = random.Random(f"{seed}:f:broken")
    first_app = min(range(n["apps"]), key=lambda k: app_names[k])  # the changed-files run's app
    findings_apps = set(brng.sample(range(n["apps"]), n["apps"] // 3)) | {first_app}
    n_broken_apps = round(n["apps"] * BROKEN_FRACTION["apps"])
    broken_apps = set(brng.sample(sorted(findings_apps - {first_app}), min(n_broken_apps, len(findings_apps) - 1)))
    broken_ps = set(brng.sample(range(n["permsets"]), round(n["permsets"] * BROKEN_FRACTION["permsets"])))
    # Admin and Standard stay readable: most assignments name them
    broken_prof = set(brng.sample(range(2, n["profiles"]), round(n["profiles"] * BROKEN_FRACTION["profiles"])))
    good_ps = [ps_labels[k] if k % 10 else ps_files[k] for k in range(n["permsets"]) if k not in broken_ps]
    good_prof = [prof_display[k] for k in range(n["profiles"]) if k not in broken_prof]

    def assignments(rng, has_unknown):
        """(profiles, permsets): names of existing, readable ones, plus near misses when asked."""
        profs = [rng.choice(["System Administrator", "Standard User"]) if rng.random() < 0.25
                 else rng.choice(good_prof) for _ in range(rng.choices([0, 1, 2], [2, 5, 2])[0])]
        sets = [rng.choice(good_ps) for _ in range(rng.choices([0, 1, 2, 3], [1, 5, 3, 1])[0])]
        if not profs and not sets:
            sets = [rng.choice(good_ps)]
        if has_unknown:
            for j in range(rng.choice([1, 1, 2])):
                r = rng.random()
                if r < 0.15:
                    bad = f"{rng.choice(UNRELATED_ASSIGNMENTS)} {rng.randint(1, 99)}"
                else:  # the first one never resolves, so the app surely has a CA105 finding
                    bad = near_miss(rng, rng.choice(prof_display if r < 0.5 else ps_labels), known, strict=j == 0)
                (profs if r < 0.5 else sets).append(bad)
                stats["near-miss or unrelated assignments"] += 1
        return sorted(set(profs)), sorted(set(sets))

    # 1. Connected Apps
    problem_keys = list(APP_PROBLEMS)
    for k, name in enumerate(app_names):
        rng = random.Random(f"{seed}:f:app:{k}")
        company, product = name.split("_")[:2]
        label = name.replace("_", " ")
        problems = set()
        if k in findings_apps:
            # at least one problem a rule reports ("http" alone is none), sometimes two or three
            while not problems - {"http"} or rng.random() < 0.35 and len(problems) < 3:
                problems.add(rng.choices(problem_keys, [APP_PROBLEMS[x] for x in problem_keys])[0])
            has_unknown = k == first_app or rng.random() < P_UNKNOWN
            if "unassigned" in problems and not has_unknown:
                profs, sets = [], []
            else:
                problems.discard("unassigned")
                profs, sets = assignments(rng, has_unknown)
            stats["apps with findings"] += 1
        else:
            profs, sets = assignments(rng, False)
        text = f_connected_app(label, company, product, rng, problems, profs, sets)
        rel = f"connectedApps/{name}.connectedApp-meta.xml"
        if k in broken_apps:
            kind = choose_break(rng, 0)
            stats[f"broken connectedApps: {kind}"] += 1
            w.write(rel, break_file(text, "ConnectedApp", kind, rng), "connectedApps")
        else:
            w.write(rel, text, "connectedApps")

    # 2. External Client Apps (a third with findings; some sub-files broken)
    eca_problems = ["full", "self", "infinite", "bypass", "device", "unknown"]
    eca_files = []
    for k, name in enumerate(eca_names):
        rng = random.Random(f"{seed}:f:eca:{k}")
        problems = set()
        if k % 3 == 0:
            problems = set(rng.sample(eca_problems, rng.randint(1, 2)))
            stats["ECAs with findings"] += 1
        profs, sets = assignments(rng, "unknown" in problems)
        eca_files += [(rel, root, text, rng) for rel, root, text in
                      f_eca_files(name, name.replace("_", " "), name.split("_")[0], rng, problems, sets,
                                  profs if rng.random() < 0.5 else [], org_id)]
    broken_eca = set(brng.sample(range(len(eca_files)), round(len(eca_files) * BROKEN_FRACTION["eca"])))
    for k, (rel, root, text, rng) in enumerate(eca_files):
        if k in broken_eca:
            kind = choose_break(rng, 1)
            stats[f"broken ECA files: {kind}"] += 1
            w.write(rel, break_file(text, root, kind, rng), "externalClientApps")
        else:
            w.write(rel, text, "externalClientApps")

    # 3. permission sets: 2 KiB .. 150 KiB, most of them small
    for k, label in enumerate(ps_labels):
        rng = random.Random(f"{seed}:f:ps:{k}")
        size = int((2 + 148 * rng.random() ** 1.1) * 1024)
        kind = choose_break(rng, 3) if k in broken_ps else None
        # a truncated file is cut from a larger one, so that it still has the drawn size
        keep = rng.uniform(0.2, 0.97) if kind == "truncated" else 1.0
        text = f_permset_xml(label, int(size / keep), rng)
        rel = f"permissionsets/{ps_files[k]}.permissionset-meta.xml"
        if kind:
            stats[f"broken permissionsets: {kind}"] += 1
            w.write(rel, break_file(text, "PermissionSet", kind, rng, keep), "permissionsets")
        else:
            w.write(rel, text, "permissionsets")

    # 4. settings: the five calint reads, and eight it does not
    for name, text in f_settings(random.Random(f"{seed}:f:settings")).items():
        w.write(f"settings/{name}.settings-meta.xml", text,
                "settings" if name in ("MyDomain", "OauthOidc", "ConnectedApp", "Security", "ExternalClientApp")
                else "skipped")

    # 5. files calint does not read
    for i in range(1, n["classes"] + 1):
        cls, meta = apex_class(i, random.Random(f"{seed}:f:cls:{i}"))
        w.write(f"classes/Cls_{i}.cls", cls, "skipped")
        w.write(f"classes/Cls_{i}.cls-meta.xml", meta, "skipped")
    for i in range(1, n["triggers"] + 1):
        trg, meta = apex_trigger(i, random.Random(f"{seed}:f:trg:{i}"))
        w.write(f"triggers/Trg_{i}.trigger", trg, "skipped")
        w.write(f"triggers/Trg_{i}.trigger-meta.xml", meta, "skipped")
    for i in range(1, n["objects"] + 1):
        for rel, text in object_files(i, random.Random(f"{seed}:f:obj:{i}")).items():
            w.write(rel, text, "skipped")
    for i in range(1, n["lwc"] + 1):
        for rel, text in lwc_files(i, random.Random(f"{seed}:f:lwc:{i}")).items():
            w.write(rel, text, "skipped")
    for i in range(1, n["flows"] + 1):
        w.write(f"flows/Flow_{i}.flow-meta.xml", flow_xml(i, random.Random(f"{seed}:f:flow:{i}")), "skipped")
    for i in range(1, n["layouts"] + 1):
        obj = ALL_OBJECTS[(i - 1) % len(ALL_OBJECTS)]
        base = obj[:-3] if obj.endswith("__c") else obj
        suffix = "" if i <= len(ALL_OBJECTS) else f" {(i - 1) // len(ALL_OBJECTS) + 1}"
        w.write(f"layouts/{obj}-{base} Layout{suffix}.layout-meta.xml",
                layout_xml(obj, random.Random(f"{seed}:f:layout:{i}")), "skipped")
    for i in range(1, n["resources"] + 1):
        data, meta = static_resource(i, random.Random(f"{seed}:f:res:{i}"))
        w.write(f"staticresources/Res_{i}.resource", data, "skipped")
        w.write(f"staticresources/Res_{i}.resource-meta.xml", meta, "skipped")

    # 6. profiles take the rest of the budget: 0.1 .. 2.3 MiB at the 500 MiB scale, mostly small
    budget = max(target - w.total_bytes, 64 * 1024 * n["profiles"])
    wrng = random.Random(f"{seed}:f:profile-sizes")
    weights = [0.1 + 2.2 * wrng.random() ** 2.2 for _ in prof_files]
    weights[0] = 2.3  # Admin sees everything: the largest profile
    total_w = sum(weights)
    sizes = []
    for k, name in enumerate(prof_files):
        size = int(budget * weights[k] / total_w)
        rng = random.Random(f"{seed}:f:profile:{name}")
        kind = choose_break(rng, 2) if k in broken_prof else None
        keep = rng.uniform(0.2, 0.97) if kind == "truncated" else 1.0
        text = profile_xml(name, int(size / keep), rng)
        rel = f"profiles/{name}.profile-meta.xml"
        if kind:
            stats[f"broken profiles: {kind}"] += 1
            sizes.append(w.write(rel, break_file(text, "Profile", kind, rng, keep), "profiles"))
        else:
            sizes.append(w.write(rel, text, "profiles"))
    stats["profile size KiB: min"] = min(sizes) // 1024
    stats["profile size KiB: max"] = max(sizes) // 1024
    stats["profile size KiB: median"] = sorted(sizes)[len(sizes) // 2] // 1024
    return stats


def generate_clean(w, seed, size_mb):
    """The clean shape (the only one before --shape existed; its output must not change)."""
    target = int(size_mb * MIB)
    s = size_mb / 500.0
    n_apps = max(10, round(4000 * s))
    n_profiles = max(3, round(300 * s))
    n_permsets = max(5, round(300 * s))
    n_classes = max(10, round(3000 * s))
    n_objects = max(2, min(N_CUSTOM_OBJECTS, round(200 * s)))
    n_lwc = max(3, round(400 * s))
    n_res = max(2, round(120 * s))

    profile_files = ["Admin", "Standard"] + [f"Profile_{i}" for i in range(1, n_profiles + 1)]
    profile_names = ["System Administrator", "Standard User"] + profile_files[2:]
    ps_labels = [permset_label(seed, i) for i in range(1, n_permsets + 1)]

    # 1. everything except profiles
    for i in range(1, n_apps + 1):
        rng = random.Random(f"{seed}:app:{i}")
        w.write(f"connectedApps/App_{i}.connectedApp-meta.xml",
                connected_app(i, rng, profile_names, ps_labels), "connectedApps")
    for i in range(1, n_permsets + 1):
        rng = random.Random(f"{seed}:ps:{i}")
        w.write(f"permissionsets/PS_{i}.permissionset-meta.xml",
                permset_xml(i, ps_labels[i - 1], rng), "permissionsets")
    for name, text in settings_files(random.Random(f"{seed}:settings")).items():
        w.write(f"settings/{name}.settings-meta.xml", text, "settings")
    for i in range(1, n_classes + 1):
        cls, meta = apex_class(i, random.Random(f"{seed}:cls:{i}"))
        w.write(f"classes/Cls_{i}.cls", cls, "skipped")
        w.write(f"classes/Cls_{i}.cls-meta.xml", meta, "skipped")
    for i in range(1, n_objects + 1):
        for rel, text in object_files(i, random.Random(f"{seed}:obj:{i}")).items():
            w.write(rel, text, "skipped")
    for i in range(1, n_lwc + 1):
        for rel, text in lwc_files(i, random.Random(f"{seed}:lwc:{i}")).items():
            w.write(rel, text, "skipped")
    for i in range(1, n_res + 1):
        data, meta = static_resource(i, random.Random(f"{seed}:res:{i}"))
        w.write(f"staticresources/Res_{i}.resource", data, "skipped")
        w.write(f"staticresources/Res_{i}.resource-meta.xml", meta, "skipped")

    # 2. profiles take the rest of the budget, in varied sizes (roughly 0.65x .. 1.4x the mean)
    budget = max(target - w.total_bytes, 64 * 1024 * len(profile_files))
    wrng = random.Random(f"{seed}:profile-sizes")
    weights = [wrng.uniform(0.7, 1.5) for _ in profile_files]
    weights[0] = 1.8  # Admin sees everything: the largest profile
    total_w = sum(weights)
    for k, name in enumerate(profile_files):
        size = int(budget * weights[k] / total_w)
        rng = random.Random(f"{seed}:profile:{name}")
        w.write(f"profiles/{name}.profile-meta.xml", profile_xml(name, size, rng), "profiles")
    return Counter()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--shape", choices=["clean", "findings"], default="clean",
                    help="clean: well-formed, few findings, few large permission sets (default); "
                         "findings: many permission sets, a third of the apps with findings, broken "
                         "files, near-miss assignments, External Client Apps")
    ap.add_argument("--size-mb", type=float, default=500.0,
                    help="approximate total size in MiB (default 500)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--force", action="store_true", help="delete OUT_DIR first if it exists")
    args = ap.parse_args()
    if not args.size_mb > 0:
        sys.exit("generate.py: --size-mb must be positive")

    if os.path.exists(args.out_dir):
        if not args.force and os.listdir(args.out_dir):
            sys.exit(f"generate.py: {args.out_dir} exists and is not empty (use --force)")
        shutil.rmtree(args.out_dir, ignore_errors=True)
    t0 = time.monotonic()
    seed = args.seed

    w = Writer(args.out_dir)
    w.write("sfdx-project.json", json.dumps({
        "packageDirectories": [{"path": "force-app", "default": True}],
        "name": "calint-bench",
        "namespace": "",
        "sfdcLoginUrl": "https://login.salesforce.com",
        "sourceApiVersion": API_VERSION,
    }, indent=2) + "\n", "other", base=False)
    if args.shape == "clean":
        stats = generate_clean(w, seed, args.size_mb)
        read_cats = ["connectedApps", "profiles", "permissionsets", "settings"]
    else:
        stats = generate_findings(w, seed, args.size_mb)
        read_cats = ["connectedApps", "externalClientApps", "profiles", "permissionsets", "settings"]

    dt = time.monotonic() - t0
    print(f"generated {args.out_dir} (shape {args.shape}, seed {seed}) in {dt:.1f} s")
    for cat in read_cats + ["skipped", "other"]:
        print(f"  {cat:<18} {w.files[cat]:>7} files {w.bytes[cat] / MIB:>10.1f} MiB")
    total_files = sum(w.files.values())
    read = sum(w.bytes[c] for c in read_cats)
    print(f"  {'total':<18} {total_files:>7} files {w.total_bytes / MIB:>10.1f} MiB "
          f"({w.total_bytes} bytes; {read / MIB:.1f} MiB in files calint reads)")
    print(f"  largest file: {w.largest[1]} ({w.largest[0]} bytes, {w.largest[0] / MIB:.2f} MiB)")
    broken = sum(v for k, v in stats.items() if k.startswith("broken "))
    if stats:
        print(f"  broken files:       {broken:>7}")
    for k in sorted(stats):
        print(f"    {k}: {stats[k]}")


if __name__ == "__main__":
    main()
