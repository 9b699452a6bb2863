//! The PR/FAQ lint engine (grows in issue 3).
