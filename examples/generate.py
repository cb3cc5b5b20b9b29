"""Writes the fictional example resumes in examples/resumes (PDF, DOCX, TXT).

Every person, employer and school here is invented for this project.
Run: python3 -m venv .venv-ex && .venv-ex/bin/pip install -r examples/requirements.txt
     .venv-ex/bin/python examples/generate.py
"""
import textwrap
from pathlib import Path

from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

OUT = Path(__file__).parent / "resumes"

RESUMES = {
    "ana-costa-backend": ("pdf", """Ana Costa
Senior Backend Engineer
ana.costa@example.com | +49 30 1234 5678 | Berlin, Germany | github.com/ana-costa-dev

Summary
Backend engineer with 8 years building high-traffic APIs in Node.js and TypeScript. I run services on Kubernetes and care about observability and clean data models.

Experience
Senior Backend Engineer, Northwind Logistics — Berlin
03/2020 – Present
- Designed a TypeScript/NestJS order platform on MongoDB and Redis handling 4,000 requests/s.
- Moved 30 services to Kubernetes with Helm; cut deploy time from 40 to 6 minutes.
- Introduced Prometheus and Grafana dashboards and on-call runbooks.

Backend Developer, Bluefin Payments — Lisbon
01/2016 – 02/2020
- Built payment APIs in Node.js and PostgreSQL; added Kafka event streaming.
- Wrote integration tests with Jest and Docker Compose.

Education
M.Sc. Computer Science, University of Porto, 2015

Skills
Node.js, TypeScript, NestJS, MongoDB, Redis, PostgreSQL, Kubernetes, Docker, Kafka, AWS, Prometheus, Jest, REST, GraphQL

Languages
English (fluent), Portuguese (native), German (B2)
"""),
    "li-wei-java": ("docx", """Li Wei
Backend Developer
li.wei@example.org | +1 415 555 0134 | San Francisco, CA

Summary
Java developer with 5 years of experience in Spring Boot microservices and SQL databases.

Experience
Software Engineer, Harbor Analytics
Jan 2021 – Present
- Built Spring Boot services on AWS with PostgreSQL and Redis caching.
- Containerised services with Docker and deployed with Jenkins pipelines.

Junior Developer, Cobalt Insurance
Jun 2019 – Dec 2020
- Maintained Java 8 batch jobs and Oracle stored procedures.

Education
B.S. Computer Engineering, Bay State Institute of Technology, 2019

Skills
Java, Spring Boot, PostgreSQL, Redis, Docker, AWS, Jenkins, Microservices, REST, Git
"""),
    "marcus-reed-frontend": ("txt", """Marcus Reed
Frontend Developer
marcus.reed@example.net | +44 20 7946 0958 | London, UK

SUMMARY
Frontend developer focused on accessible React interfaces. 4 years of experience.

WORK EXPERIENCE
Frontend Developer, Pixel Orchard Ltd — London
2021 – Present
* Built a design system in React and TypeScript used by 12 product teams.
* Improved Lighthouse accessibility scores from 71 to 98.

Web Developer, Tidewater Media
2019 – 2021
* Built marketing sites with JavaScript, HTML5, CSS and Sass.

EDUCATION
BA Digital Media, Thameside University, 2019

SKILLS
React, TypeScript, JavaScript, HTML5, CSS, Sass, Redux, Jest, Figma, Accessibility
"""),
    "priya-nair-data": ("pdf", """Priya Nair
Data Scientist
priya.nair@example.com | +91 98765 43210 | Bengaluru, India | linkedin.com/in/priya-nair-ds

Professional Summary
Data scientist with 6 years in forecasting and NLP. Ships models to production with Python and MLOps tooling.

Work Experience
Lead Data Scientist, Monsoon Retail Analytics
Apr 2019 – Present
- Built demand-forecasting models with scikit-learn and LightGBM, reducing stock-outs by 18%.
- Deployed NLP classifiers with PyTorch and FastAPI on Kubernetes.

Data Analyst, Saffron Telecom
Jul 2017 – Mar 2019
- Wrote SQL and Python reports; built Tableau dashboards for churn.

Education
M.Tech Data Science, Deccan Institute of Technology, 2017
B.Tech Electronics, Coastal Engineering College, 2015

Skills
Python, scikit-learn, LightGBM, PyTorch, Pandas, NumPy, SQL, Machine Learning, NLP, Docker, Kubernetes, Tableau, Statistics

Certifications
AWS Certified Machine Learning – Specialty (2022)
"""),
    "tomas-herrera-nurse": ("docx", """Tomas Herrera
Registered Nurse
t.herrera@example.com | +1 312 555 0199 | Chicago, IL

Summary
Registered nurse with 7 years in emergency and intensive care units.

Experience
Registered Nurse, Lakeshore General Hospital — Emergency Department
2018 – Present
- Triage and care for 30+ patients per shift; charge nurse for night shifts.
- Trained new graduates in patient assessment and medication administration.

Staff Nurse, Riverbend Medical Center — ICU
2016 – 2018
- Cared for ventilated patients; managed IV therapy and wound care.

Education
Bachelor of Science in Nursing, Prairie State University, 2016

Certifications
Registered Nurse (RN) License, Illinois
Basic Life Support (BLS)
Advanced Cardiovascular Life Support (ACLS)

Skills
Patient Care, Triage, Patient Assessment, Medication Administration, IV Therapy, Wound Care, Electronic Health Records, Critical Care
"""),
    "sofia-lindqvist-sales": ("txt", """Sofia Lindqvist
Regional Sales Manager
sofia.lindqvist@example.se | +46 8 123 456 78 | Stockholm, Sweden

Summary
Sales leader with 9 years in B2B SaaS. Built and coached teams that beat quota three years running.

Experience
Regional Sales Manager, Fjord Software AB
08/2019 - Present
- Led a team of 8 account executives; grew regional ARR from 4M to 11M EUR.
- Introduced Salesforce forecasting and a MEDDIC qualification process.

Account Executive, Nordlight Systems
05/2015 - 07/2019
- Closed enterprise deals in the Nordics; 130% of quota on average.

Education
Master of Business Administration, Uppsala School of Commerce, 2015

Skills
B2B Sales, Account Management, Salesforce, Negotiation, Sales Forecasting, Lead Generation, CRM, Team Leadership, SaaS
"""),
    "jonas-becker-devops": ("pdf", """Jonas Becker
DevOps / Platform Engineer
jonas.becker@example.de | +49 89 555 0101 | Munich, Germany

Summary
Platform engineer with 6 years automating infrastructure. Writes Go and Python; lives in Kubernetes.

Experience
Platform Engineer, Alpenrail Digital
2020 – Present
- Operated 14 Kubernetes clusters with Terraform and Argo CD on AWS and GCP.
- Wrote Go operators and Python tooling; built CI/CD on GitHub Actions.
- Ran Prometheus, Loki and Grafana for 200 services.

Systems Administrator, Isarnet GmbH
2018 – 2020
- Managed Linux servers with Ansible; migrated services to Docker.

Education
B.Sc. Informatics, Technical University of Bavaria (fictional), 2018

Skills
Kubernetes, Docker, Terraform, AWS, GCP, Go, Python, Linux, Ansible, Prometheus, Grafana, CI/CD, Helm, Node.js
"""),
    "amara-okafor-junior": ("txt", """Amara Okafor
Junior Software Developer
amara.okafor@example.com | +234 803 555 0123 | Lagos, Nigeria

Summary
Bootcamp graduate who enjoys building web APIs. 1 year of professional experience.

Experience
Junior Developer, Greenleaf Fintech
2024 - Present
- Built REST endpoints in Node.js and Express with MongoDB.
- Wrote unit tests with Jest.

Education
Diploma in Software Development, Lagoon Coding Academy, 2023

Skills
JavaScript, Node.js, Express, MongoDB, Git, HTML, CSS, Jest
"""),
    "chen-yu-fullstack": ("docx", """Chen Yu
Full-Stack Engineer
chen.yu@example.com | +65 6123 4567 | Singapore

Summary
Full-stack engineer with 5 years building SaaS products in TypeScript end to end.

Experience
Full-Stack Engineer, Merlion Cloud Pte Ltd
Feb 2021 – Present
- Built NestJS APIs with PostgreSQL and Redis queues (BullMQ); React front end.
- Deployed on Kubernetes with Helm; added OpenTelemetry tracing.

Software Engineer, Straits Commerce
Mar 2019 – Jan 2021
- Node.js services and MongoDB; migrated to TypeScript.

Education
Bachelor of Computing, Island University of Technology, 2019

Skills
TypeScript, Node.js, NestJS, React, PostgreSQL, MongoDB, Redis, Kubernetes, Docker, GraphQL, Jest
"""),
}


def write_pdf(path: Path, text: str) -> None:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(path.stem)
    y = A4[1] - 20 * mm
    lines = [w for line in text.splitlines() for w in (textwrap.wrap(line, 95) or [""])]
    for line in lines:
        bold = line and (line.isupper() or line in ("Summary", "Experience", "Education", "Skills", "Languages",
                                                     "Certifications", "Work Experience", "Professional Summary"))
        c.setFont("Helvetica-Bold" if bold or y > A4[1] - 25 * mm else "Helvetica", 10)
        c.drawString(18 * mm, y, line)
        y -= 5 * mm
        if y < 20 * mm:
            c.showPage()
            y = A4[1] - 20 * mm
    c.save()


def write_docx(path: Path, text: str) -> None:
    doc = Document()
    for line in text.splitlines():
        if line.startswith("- "):
            doc.add_paragraph(line[2:], style="List Bullet")
        else:
            doc.add_paragraph(line)
    doc.core_properties.author = "example"
    doc.save(str(path))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (kind, text) in RESUMES.items():
        path = OUT / f"{name}.{kind}"
        if kind == "pdf":
            write_pdf(path, text)
        elif kind == "docx":
            write_docx(path, text)
        else:
            path.write_text(text, encoding="utf-8")
        print(path)


if __name__ == "__main__":
    main()
